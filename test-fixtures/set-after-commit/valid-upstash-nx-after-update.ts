// valid: Upstash `{ nx: true }` only fills an absent key (a first-writer marker), it never overwrites
import { Redis } from '@upstash/redis';
import { PrismaClient } from '@prisma/client';

const redis = Redis.fromEnv();
const prisma = new PrismaClient();

export async function markShipped(orderId: string, shippedBy: string) {
  const order = await prisma.order.update({ where: { id: orderId }, data: { shippedAt: new Date() } });
  await redis.set(`order:${orderId}:shipped_by`, shippedBy, { nx: true, ex: 86_400 });
  return order;
}
