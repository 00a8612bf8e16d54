// valid: each write and delete uses a shape some file reads (the feed reads the flat one)
import { PrismaClient } from '@prisma/client';
import { redis } from './redis';

const prisma = new PrismaClient();

export async function syncProduct(id: string) {
  const product = await prisma.product.findUniqueOrThrow({ where: { id }, include: { variants: true } });
  const { variants, ...flat } = product;
  await redis.set(`product:${id}`, JSON.stringify(flat), 'EX', 900);
  await redis.set(`product:v2:${id}`, JSON.stringify({ ...flat, variants }), 'EX', 900);
}

export async function removeProduct(id: string) {
  await prisma.product.delete({ where: { id } });
  await redis.del(`product:${id}`);
}
