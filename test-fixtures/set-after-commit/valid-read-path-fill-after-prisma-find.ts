// valid: filling the cache on a read (DB read, then set) is what a cache is for
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getProduct(id: string) {
  const cached = await redis.get(`product:${id}`);
  if (cached !== null) return JSON.parse(cached);
  const product = await prisma.product.findUnique({ where: { id } });
  if (product) await redis.set(`product:${id}`, JSON.stringify(product), 'EX', 300);
  return product;
}
