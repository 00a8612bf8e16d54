// The order's status is served from Redis to the tracking page; shipping writes the new status
// through after the update. A reader that loaded "packed" before the update can set it back.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const prisma = new PrismaClient();

export async function trackingStatus(orderId: string) {
  const key = `order_status:${orderId}`;
  const cached = await redis.get(key);
  if (cached) {
    const parsed = JSON.parse(cached);
    if (parsed.status === 'cancelled') return { status: 'cancelled', refundable: false };
    return parsed;
  }
  const order = await prisma.order.findUnique({ where: { id: orderId }, select: { status: true } });
  await redis.set(key, JSON.stringify(order), 'EX', 600);
  return order;
}

export async function markShipped(orderId: string) {
  await prisma.order.update({ where: { id: orderId }, data: { status: 'shipped' } });
  await redis.set(`order_status:${orderId}`, JSON.stringify({ status: 'shipped' }), 'EX', 600); // expect: set-after-commit
}
