// Key names come from an object built at run time; the cached strikes hash is never expired by
// anything, under this constant or another.
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();

function prefixed<T extends Record<string, string>>(keys: T): T {
  const env = process.env.KEY_PREFIX ?? '';
  return Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, `${env}${v}`])) as T;
}

const KEYS = prefixed({ PROGRESS: 'research:progress', SEEN: 'research:seen' });

export async function strikesOf(userId: number): Promise<number> {
  const cacheKey = `${KEYS.PROGRESS}:${userId}`;
  const cached = await redis.hGet(cacheKey, 'strikes');
  if (cached) return Number(cached);
  const strikes = await prisma.rating.count({ where: { userId, wrong: true } });
  await redis.hSet(cacheKey, 'strikes', String(strikes)); // expect: missing-ttl
  return strikes;
}

export async function markSeen(userId: number, imageId: number) {
  const seenKey = `${KEYS.SEEN}:${userId}`;
  await redis.sAdd(seenKey, String(imageId));
  await redis.expire(seenKey, 7 * 24 * 3600);
}
