import { Inject, Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
import { CACHE_PORT, CachePort, SESSION_STORE, SessionStore } from './cache.port';

@Injectable()
export class UsersService {
  constructor(
    @Inject(CACHE_PORT) private readonly cache: CachePort,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    private readonly prisma: PrismaClient,
  ) {}

  async user(id: string) {
    const hit = await this.cache.get(`user:${id}`);
    if (hit) return hit;
    const row = await this.prisma.user.findUnique({ where: { id } });
    await this.cache.set(`user:${id}`, row, 600);
    return row;
  }

  async rename(id: string, name: string) {
    const row = await this.prisma.user.update({ where: { id }, data: { name } });
    await this.cache.set(`user:${id}`, row, 600); // expect: set-after-commit
    return row;
  }

  async login(id: string, token: string) {
    await this.prisma.user.update({ where: { id }, data: { lastLoginAt: new Date() } }); // expect: missing-invalidation
    await this.sessions.set(`session:${token}`, id);
  }
}
