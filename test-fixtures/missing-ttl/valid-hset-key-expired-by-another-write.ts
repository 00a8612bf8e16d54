// A user's progress hash: the strikes field is cached after a miss, the track field is written
// when the user rates, and that path sets the hash's week-long TTL. HSET keeps the TTL a key has
// (only SET drops it), so the strikes write leaves the hash expiring.
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();
const WEEK = 7 * 24 * 3600;

export async function strikesOf(userId: number): Promise<number> {
  const cached = await redis.hGet(`progress:${userId}`, 'strikes');
  if (cached) return Number(cached);
  const strikes = await prisma.rating.count({ where: { userId, wrong: true } });
  await redis.hSet(`progress:${userId}`, 'strikes', String(strikes));
  return strikes;
}

export async function recordRating(userId: number, trackId: string, imageId: number) {
  await redis.hSet(`progress:${userId}`, `track:${trackId}`, String(imageId));
  await redis.expire(`progress:${userId}`, WEEK);
}
