import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { PrismaService } from './prisma.service';

/** Permissions are computed from user-role rows and cached per user. */
@Injectable()
export class PermsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly redis: Redis,
  ) {}

  async get(userId: string): Promise<string[]> {
    const cached = await this.redis.get(`perms:${userId}`);
    if (cached) return JSON.parse(cached);
    return this.refresh(userId);
  }

  async refresh(userId: string): Promise<string[]> {
    const rows = await this.prisma.userRole.findMany({ where: { userId } });
    const perms = rows.map((r) => `role:${r.role}`);
    await this.redis.set(`perms:${userId}`, JSON.stringify(perms), 'EX', 600);
    return perms;
  }

  async evict(userId: string) {
    await this.redis.del(`perms:${userId}`);
  }
}
