// valid: the value of a lock key names who holds it; it is no copy of a row
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function release(orderId: string) {
  const owner = await redis.get(`lock:order:${orderId}`);
  await prisma.order.update({ where: { id: orderId }, data: { lockedBy: owner } });
  await redis.del(`lock:order:${orderId}`);
}
