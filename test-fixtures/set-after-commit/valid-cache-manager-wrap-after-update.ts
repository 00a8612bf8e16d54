// valid: `cache.wrap` is a read-through (it only fills a missing key); the update path deletes first
import { createCache } from 'cache-manager';
import { PrismaClient } from '@prisma/client';

const cache = createCache({ ttl: 60_000 });
const prisma = new PrismaClient();

export async function rateShop(shopId: string, stars: number) {
  await prisma.shop.update({ where: { id: shopId }, data: { ratingSum: { increment: stars }, ratingCount: { increment: 1 } } });
  await cache.del(`shop:${shopId}`);
  return cache.wrap(`shop:${shopId}`, () => prisma.shop.findUniqueOrThrow({ where: { id: shopId } }), 60_000);
}
