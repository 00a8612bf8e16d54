import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function skuInfo(sku: string) {
  const cached = await redis.get(`sku:${sku}`);
  if (cached === '__NOT_FOUND__') return null;
  if (cached) return JSON.parse(cached);
  const item = await prisma.sku.findUnique({ where: { sku } });
  if (!item) {
    await redis.multi().set(`sku:${sku}`, '__NOT_FOUND__', 'EX', 45).incr('stats:sku-misses').exec();
    return null;
  }
  await redis.set(`sku:${sku}`, JSON.stringify(item), 'EX', 900);
  return item;
}

export async function importCatalogue(rows: { sku: string; title: string }[]) {
  const { count } = await prisma.sku.createMany({ data: rows, skipDuplicates: true }); // expect: negative-cache-on-create
  await redis.del('catalogue:summary');
  return count;
}
