// valid: the writer deletes the key after the update and lets the next read fill it
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function setPrice(id: string, priceCents: number) {
  const product = await prisma.product.update({ where: { id }, data: { priceCents } });
  await redis.del(`product:${id}`);
  return product;
}
