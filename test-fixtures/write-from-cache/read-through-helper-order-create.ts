import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

async function cachedProduct(id: string) {
  const raw = await redis.get(`product:${id}`);
  if (raw) return JSON.parse(raw);
  const row = await prisma.product.findUnique({ where: { id } });
  await redis.set(`product:${id}`, JSON.stringify(row), 'EX', 300);
  return row;
}

/** The order line takes its price from the cached product: a price change waits for the TTL. */
export async function addToOrder(orderId: string, productId: string, qty: number) {
  const p = await cachedProduct(productId);
  await prisma.orderLine.create({ data: { orderId, productId, qty, unitPrice: p.price } }); // expect: write-from-cache
}

/** The cache is on unless the caller turns it off: a caller that leaves the flag out reads it. */
async function cachedStock(id: string, useCache = true) {
  if (!useCache) return prisma.stock.findUnique({ where: { id } });
  const raw = await redis.get(`stock:${id}`);
  if (raw) return JSON.parse(raw);
  const row = await prisma.stock.findUnique({ where: { id } });
  await redis.set(`stock:${id}`, JSON.stringify(row), 'EX', 60);
  return row;
}

export async function reserve(id: string, qty: number) {
  const s = await cachedStock(id);
  await prisma.stock.update({ where: { id }, data: { available: s.available - qty } }); // expect: write-from-cache, missing-invalidation
}
