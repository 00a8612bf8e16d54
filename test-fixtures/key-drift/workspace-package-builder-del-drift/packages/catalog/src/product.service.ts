import { PrismaClient } from '@prisma/client';
import { productKey } from '@acme/cache-keys/catalog';
import { redis } from './redis';

const prisma = new PrismaClient();

export async function getProduct(id: string) {
  const cached = await redis.get(productKey(id));
  if (cached !== null) return JSON.parse(cached);
  const product = await prisma.product.findUnique({ where: { id } });
  if (product) await redis.set(productKey(id), JSON.stringify(product), 'EX', 300);
  return product;
}
