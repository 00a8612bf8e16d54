// valid: an empty value under a dedup key is a "seen" flag, not a cached miss of the order looked up next to it
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function onPaymentWebhook(eventId: string, orderId: string) {
  if (await redis.exists(`webhook:seen:${eventId}`)) return;
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (order) await prisma.order.update({ where: { id: orderId }, data: { paidAt: new Date() } });
  await redis.set(`webhook:seen:${eventId}`, '', 'EX', 86_400);
}

export async function placeOrder(id: string, customerId: string) {
  const order = await prisma.order.create({ data: { id, customerId } });
  return order;
}
