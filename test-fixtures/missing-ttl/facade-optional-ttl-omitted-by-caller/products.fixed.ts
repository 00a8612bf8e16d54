import { PrismaClient } from '@prisma/client';
import type { Kv } from './kv';

const prisma = new PrismaClient();

export async function product(kv: Kv, id: string) {
  const hit = await kv.get(`product:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.product.findUnique({ where: { id } });
  await kv.put(`product:${id}`, JSON.stringify(row), 300); // expect: missing-ttl
  return row;
}

export async function category(kv: Kv, id: string) {
  const hit = await kv.get(`category:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.category.findUnique({ where: { id } });
  await kv.put(`category:${id}`, JSON.stringify(row), 600);
  return row;
}
