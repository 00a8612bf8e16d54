// The strikes field is filled after a miss, and the rating path writes the fresh count into that
// same field after its update: a reader that counted before the update can put the old count back.
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

export async function markWrong(userId: number, imageId: number) {
  await prisma.rating.updateMany({ where: { userId, imageId }, data: { wrong: true } });
  const strikes = await prisma.rating.count({ where: { userId, wrong: true } });
  await redis.hSet(`ratings:${userId}`, 'strikes', String(strikes)); // expect: set-after-commit
  await redis.expire(`ratings:${userId}`, 3600);
}
