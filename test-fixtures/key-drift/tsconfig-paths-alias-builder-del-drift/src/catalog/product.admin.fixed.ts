import { PrismaClient } from '@prisma/client';
import { redis } from '../infra/cache/redis';

const prisma = new PrismaClient();

export async function repriceProduct(id: string, priceCents: number) {
  await prisma.product.update({ where: { id }, data: { priceCents } });
  // still the v2 layout: the reads moved to catalog:product:v3 through @cache/keys
  await redis.del(`catalog:product:v3:${id}`); // expect: key-drift
}
