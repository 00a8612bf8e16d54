// Key names come from an object built at run time (a prefix per environment), so no key has literal
// text. The same constant in the same place is still one key: the progress hash written in two
// functions gets its TTL from the second, and HSET keeps it.
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();

function prefixed<T extends Record<string, string>>(keys: T): T {
  const env = process.env.KEY_PREFIX ?? '';
  return Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, `${env}${v}`])) as T;
}

const KEYS = prefixed({ PROGRESS: 'research:progress' });

export async function strikesOf(userId: number): Promise<number> {
  const cacheKey = `${KEYS.PROGRESS}:${userId}`;
  const cached = await redis.hGet(cacheKey, 'strikes');
  if (cached) return Number(cached);
  const strikes = await prisma.rating.count({ where: { userId, wrong: true } });
  await redis.hSet(cacheKey, 'strikes', String(strikes));
  return strikes;
}

export async function recordRating(userId: number, trackId: string, imageId: number) {
  const progressKey = `${KEYS.PROGRESS}:${userId}`;
  await redis.hSet(progressKey, `track:${trackId}`, String(imageId));
  await redis.expire(progressKey, 7 * 24 * 3600);
}
