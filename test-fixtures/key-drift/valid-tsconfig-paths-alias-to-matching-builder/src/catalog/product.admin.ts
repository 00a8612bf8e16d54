// valid: deletes catalog:product:v3, the key the reads use through the @cache/* alias (not the v2 key the legacy export reads)
import { PrismaClient } from '@prisma/client';
import { redis } from '../infra/cache/redis';

const prisma = new PrismaClient();

export async function repriceProduct(id: string, priceCents: number) {
  await prisma.product.update({ where: { id }, data: { priceCents } });
  await redis.del(`catalog:product:v3:${id}`);
}
