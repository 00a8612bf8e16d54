import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const prisma = new PrismaClient();

// v2 added the price breakdown to the cached JSON; the read path moved to new keys
const productKey = (id: string) => `product:v2:${id}`;

export async function getProduct(id: string) {
  const cached = await redis.get(productKey(id));
  if (cached !== null) return JSON.parse(cached);
  const product = await prisma.product.findUnique({ where: { id }, include: { prices: true } });
  if (product) await redis.set(productKey(id), JSON.stringify(product), 'EX', 300);
  return product;
}

export async function archiveProduct(id: string) {
  await prisma.product.update({ where: { id }, data: { archivedAt: new Date() } });
  await redis.del(`product:${id}`); // expect: key-drift
}
