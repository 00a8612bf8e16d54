// One hash per user: the strikes field is a read-through fill (a miss counts the rows), the track
// field is the user's position, written after each rating and read as it is. Setting the position
// after the insert races no refill: no reader loads that field from the database.
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();

export async function strikesOf(userId: number): Promise<number> {
  const cached = await redis.hGet(`ratings:${userId}`, 'strikes');
  if (cached) return Number(cached);
  const strikes = await prisma.rating.count({ where: { userId, wrong: true } });
  await redis.hSet(`ratings:${userId}`, 'strikes', String(strikes));
  await redis.expire(`ratings:${userId}`, 3600);
  return strikes;
}

export async function rate(userId: number, trackId: string, imageId: number, wrong: boolean) {
  await prisma.rating.create({ data: { userId, imageId, wrong } });
  await prisma.rating.updateMany({ where: { userId, imageId: { lt: imageId } }, data: { seen: true } });
  await redis.hSet(`ratings:${userId}`, `track:${trackId}`, String(imageId));
  await redis.expire(`ratings:${userId}`, 3600);
}
