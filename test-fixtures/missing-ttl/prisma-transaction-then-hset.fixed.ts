// config: {"missingTtl": "all-writes"}
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const redis = new Redis();

export async function placeOrder(userId: string, lines: { sku: string; qty: number }[]) {
  const order = await prisma.$transaction(async (tx) => {
    const created = await tx.order.create({ data: { userId, status: 'placed' } });
    await tx.orderLine.createMany({ data: lines.map((l) => ({ ...l, orderId: created.id })) });
    return created;
  });
  await redis.hset(`order:${order.id}:status`, { status: order.status, at: Date.now() }); // expect: missing-ttl
  await redis.expire(`order:${order.id}:status`, 300);
  return order;
}
