// The limits of each environment are cached; when the defaults change, the code means to drop all
// of them, but DEL takes key names: `limit:env=*:*` names no key, and every cached limit stays.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { buildLimitKey } from './keys';

export class LimitsService {
  constructor(
    private readonly redis: Redis,
    private readonly prisma: PrismaClient,
  ) {}

  async limitOf(environmentId: string, category: string) {
    const key = buildLimitKey({ environmentId, category });
    const hit = await this.redis.get(key);
    if (hit) return Number(hit);
    const row = await this.prisma.limit.findFirst({ where: { environmentId, category } });
    const value = row?.value ?? 100;
    await this.redis.set(key, String(value), 'EX', 3600);
    return value;
  }

  async defaultsChanged() {
    await this.redis.del(buildLimitKey({ environmentId: '*', category: '*' })); // expect: key-drift
  }
}
