// valid: a set after a create stores a row no reader can hold an older version of
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function createProduct(name: string, priceCents: number) {
  const product = await prisma.product.create({ data: { name, priceCents } });
  await redis.set(`product:${product.id}`, JSON.stringify(product), 'EX', 300);
  return product;
}
