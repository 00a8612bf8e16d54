import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { UserCacheService } from './cache.service';

@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly userCache: UserCacheService,
  ) {}

  async user(id: string) {
    const hit = await this.userCache.get(id);
    if (hit) return hit;
    const row = await this.prisma.user.findUnique({ where: { id } });
    await this.userCache.put(id, row);
    return row;
  }

  async deactivate(id: string) {
    await this.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id }, data: { active: false } });
      await tx.session.deleteMany({ where: { userId: id } });
      await this.userCache.evict(id); // expect: invalidate-before-commit
    });
  }
}
