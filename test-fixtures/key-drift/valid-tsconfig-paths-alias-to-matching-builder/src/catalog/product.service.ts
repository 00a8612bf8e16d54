// valid: reads and writes catalog:product:v3 through the builder imported as @cache/keys
import { PrismaClient } from '@prisma/client';
import { productKey } from '@cache/keys';
import { redis } from '../infra/cache/redis';

const prisma = new PrismaClient();

export async function getProduct(id: string) {
  const cached = await redis.get(productKey(id));
  if (cached !== null) return JSON.parse(cached);
  const product = await prisma.product.findUnique({ where: { id } });
  if (product) await redis.set(productKey(id), JSON.stringify(product), 'EX', 300);
  return product;
}
