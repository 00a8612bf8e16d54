import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

// Look-alike: the same service, but the change is built from the row read in the database.
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

  async toggle(key: string, flag: string) {
    const cached = await this.fetch(key);
    const row = await prisma.setting.findUniqueOrThrow({ where: { key } });
    const current = row.value as Record<string, unknown>;
    if (cached[flag] === current[flag]) await this.set(key, { ...current, [flag]: !current[flag] });
  }
}
