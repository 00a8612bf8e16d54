import { PrismaClient } from '@prisma/client';
import { appCache } from './app-cache';

const prisma = new PrismaClient();

export async function placeOrder(orderNumber: string, customerId: string, totalCents: number) {
  const order = await prisma.order.create({ data: { orderNumber, customerId, totalCents } }); // expect: negative-cache-on-create
  await appCache.drop(`order:${order.orderNumber}`);
  await appCache.drop(`cart:${customerId}`);
  return order;
}
