import { PrismaClient } from '@prisma/client';
import { appCache, NULL_MARKER } from './app-cache';

const prisma = new PrismaClient();

export async function findOrder(orderNumber: string) {
  const cached = await appCache.get<string>(`order:${orderNumber}`);
  if (cached === NULL_MARKER) return null;
  if (cached) return JSON.parse(cached);
  const order = await prisma.order.findUnique({ where: { orderNumber } });
  await appCache.put(`order:${orderNumber}`, order ? JSON.stringify(order) : NULL_MARKER, order ? 600 : 20);
  return order;
}
