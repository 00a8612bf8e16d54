// The order is updated inside an interactive transaction; the cache is written once it commits.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

export async function cancelOrder(orderId: string) {
  const order = await prisma.$transaction(async (tx) => {
    await tx.orderItem.deleteMany({ where: { orderId, shippedAt: null } });
    return tx.order.update({ where: { id: orderId }, data: { status: 'CANCELLED' } });
  });
  await redis.del(`order:${orderId}`); // expect: set-after-commit
  return order;
}
