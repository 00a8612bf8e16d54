// A wallet cached for a minute: a debit decrements its balance, which readers act on (a second
// purchase against the old balance). A bump of its view counter is a tally that may lag.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function wallet(userId: string) {
  const hit = await redis.get(`wallet:${userId}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.wallet.findUniqueOrThrow({ where: { userId } });
  await redis.set(`wallet:${userId}`, JSON.stringify(row), 'EX', 60);
  return row;
}

export async function debit(userId: string, amount: number) {
  await prisma.wallet.update({ where: { userId }, data: { balance: { decrement: amount } } }); // expect: missing-invalidation
}

export async function viewed(userId: string) {
  await prisma.wallet.update({ where: { userId }, data: { views: { increment: 1 } } });
}
