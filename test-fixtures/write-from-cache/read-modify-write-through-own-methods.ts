import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

// A settings service: fetch() reads through the cache, set() writes the row and refreshes it.
export class Settings {
  async fetch(key: string): Promise<Record<string, unknown>> {
    const raw = await redis.get(`setting:${key}`);
    if (raw) return JSON.parse(raw);
    const row = await prisma.setting.findUniqueOrThrow({ where: { key } });
    await redis.set(`setting:${key}`, JSON.stringify(row.value), 'EX', 60);
    return row.value as Record<string, unknown>;
  }

  async set(key: string, value: Record<string, unknown>) {
    await prisma.setting.update({ where: { key }, data: { value } });
    await redis.del(`setting:${key}`);
  }

  /** The new value is the cached copy with one change: a stale copy overwrites a newer row. */
  async toggle(key: string, flag: string) {
    const current = await this.fetch(key);
    await this.set(key, { ...current, [flag]: !current[flag] }); // expect: write-from-cache
  }
}
