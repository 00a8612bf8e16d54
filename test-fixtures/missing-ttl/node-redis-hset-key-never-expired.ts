// The same progress hash with no expire of the key anywhere: the cached strikes stay forever.
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();

export async function strikesOf(userId: number): Promise<number> {
  const cached = await redis.hGet(`progress:${userId}`, 'strikes');
  if (cached) return Number(cached);
  const strikes = await prisma.rating.count({ where: { userId, wrong: true } });
  await redis.hSet(`progress:${userId}`, 'strikes', String(strikes)); // expect: missing-ttl
  return strikes;
}

export async function recordRating(userId: number, trackId: string, imageId: number) {
  await redis.hSet(`progress:${userId}`, `track:${trackId}`, String(imageId)); // expect: missing-ttl
}
