// valid: `products:page:<n>` (a list) and `product:<id>` (one item) are two keys, both read here
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();

export async function page(n: number) {
  const raw = await redis.get(`products:page:${n}`);
  if (raw) return JSON.parse(raw);
  const rows = await prisma.product.findMany({ skip: n * 20, take: 20 });
  await redis.set(`products:page:${n}`, JSON.stringify(rows), { EX: 60 });
  return rows;
}

export async function item(id: string) {
  const raw = await redis.get(`product:${id}`);
  if (raw) return JSON.parse(raw);
  const p = await prisma.product.findUnique({ where: { id } });
  await redis.set(`product:${id}`, JSON.stringify(p), { EX: 300 });
  return p;
}

export async function rename(id: string, name: string) {
  await prisma.product.update({ where: { id }, data: { name } });
  await redis.del(`product:${id}`);
  await redis.del(`products:page:0`);
}
