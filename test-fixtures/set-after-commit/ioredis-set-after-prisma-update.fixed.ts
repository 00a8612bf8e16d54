// Price changes write the fresh product back into Redis right after the update commits.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const prisma = new PrismaClient();

export async function setPrice(id: string, priceCents: number) {
  const product = await prisma.product.update({ where: { id }, data: { priceCents } });
  await redis.del(`product:${id}`); // expect: set-after-commit
  return product;
}
