import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function cacheCatalog(storeId: string) {
  const [categories, brands] = await Promise.all([
    prisma.category.findMany({ where: { storeId } }),
    prisma.brand.findMany({ where: { storeId } }),
  ]);
  await redis
    .multi()
    .set(`catalog:${storeId}:categories`, JSON.stringify(categories), 'EX', 300) // expect: missing-ttl
    .set(`catalog:${storeId}:brands`, JSON.stringify(brands), 'EX', 600)
    .exec();
}
