import { PrismaClient } from '@prisma/client';
import { redis } from './redis';

const prisma = new PrismaClient();

export async function repriceProduct(id: string, priceCents: number) {
  await prisma.product.update({ where: { id }, data: { priceCents } });
  // the workspace package @acme/cache-keys moved the reads to catalog:product:v3
  await redis.del(`catalog:product:v3:${id}`); // expect: key-drift
}
