import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

export async function renameProduct(id: string, name: string) {
  const product = await prisma.product.update({ where: { id }, data: { name } });
  await redis.set(`product:${id}`, JSON.stringify(product)); // expect: set-after-commit, missing-ttl
  return product;
}
