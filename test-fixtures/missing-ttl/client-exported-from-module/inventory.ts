import { redis } from './redis';
import { prisma } from './prisma';

export async function stockLevel(sku: string): Promise<number> {
  const cached = await redis.get(`stock:${sku}`);
  if (cached !== null) return Number(cached);
  const item = await prisma.inventoryItem.findUnique({ where: { sku }, select: { quantity: true } });
  const quantity = item?.quantity ?? 0;
  await redis.set(`stock:${sku}`, String(quantity)); // expect: missing-ttl
  return quantity;
}
