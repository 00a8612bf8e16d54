// valid: the real keys (`quota:<apiKey>:<mode>`) are cleared in a callback of the same function, for
// each mode; the delete of `quota:<apiKey>` after it is leftover cleanup of an old key, not drift
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function quotaOf(apiKey: string, bulk: boolean) {
  const key = `quota:${apiKey}:${bulk ? 'bulk' : 'single'}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const row = await prisma.quota.findUnique({ where: { apiKey } });
  await redis.set(key, JSON.stringify(row), 'EX', 600);
  return row;
}

export async function clearQuota(apiKey: string): Promise<void> {
  await Promise.all(
    [true, false].map(async (bulk) => {
      await redis.del(`quota:${apiKey}:${bulk ? 'bulk' : 'single'}`);
    }),
  );
  await redis.del(`quota:${apiKey}`);
}
