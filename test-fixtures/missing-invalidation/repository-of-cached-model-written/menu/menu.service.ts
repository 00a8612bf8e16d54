// Menus are cached per user under the model's name; the service writes them through its
// repository, known by the repository's name (`menuRepo`), whose constructor names the model.
import Redis from 'ioredis';
import { PrismaClient, SysMenu } from '@prisma/client';
import { MenuRepository } from './menu.repository';

export class MenuService {
  constructor(
    private readonly menuRepo: MenuRepository,
    private readonly prisma: PrismaClient,
    private readonly redis: Redis,
  ) {}

  async menusOfUser(userId: number) {
    const hit = await this.redis.get(`sys_menu:user:${userId}`);
    if (hit) return JSON.parse(hit);
    const menus = await this.prisma.sysMenu.findMany({ where: { roles: { some: { users: { some: { userId } } } } } });
    await this.redis.set(`sys_menu:user:${userId}`, JSON.stringify(menus), 'EX', 600);
    return menus;
  }

  async update(menuId: number, dto: Partial<SysMenu>) {
    await this.menuRepo.update(menuId, dto); // expect: missing-invalidation
  }

  // look-alike: the same write, then every user's cached menus are dropped
  async rename(menuId: number, name: string) {
    await this.menuRepo.update(menuId, { name });
    const keys = await this.redis.keys('sys_menu:user:*');
    if (keys.length > 0) await this.redis.del(...keys);
  }
}
