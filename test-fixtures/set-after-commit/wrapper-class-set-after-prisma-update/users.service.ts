// The users service writes the updated user through the project's cache wrapper.
import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { AppCache } from './cache/app-cache';

@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cache: AppCache,
  ) {}

  async findOne(id: string) {
    const hit = await this.cache.get<{ id: string; displayName: string }>(`user:${id}`);
    if (hit) return hit;
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id } });
    await this.cache.set(`user:${id}`, user);
    return user;
  }

  async rename(id: string, displayName: string) {
    const user = await this.prisma.user.update({ where: { id }, data: { displayName } });
    await this.cache.set(`user:${id}`, user, 600); // expect: set-after-commit
    return user;
  }
}
