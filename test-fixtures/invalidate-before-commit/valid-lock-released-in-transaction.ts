// valid: the key is a lock, not a cache: releasing it inside the transaction is no stale-cache race.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

export async function settle(orderId: string) {
  const got = await redis.set(`lock:order:${orderId}`, '1', 'PX', 10_000, 'NX');
  if (!got) return false;
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: orderId }, data: { settled: true } });
    await redis.del(`lock:order:${orderId}`);
  });
  return true;
}
