// valid: the legacy `product:<id>` shape is still read through a client the analyser cannot
// resolve (an untyped container lookup): that read counts, so deleting it is not drift
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { container } from './container';

const redis = new Redis();
const prisma = new PrismaClient();
const legacyCache = container.resolve('legacyCache');

export async function product(id: string) {
  const hit = await redis.get(`product:v2:${id}`);
  if (hit) return JSON.parse(hit);
  const p = await prisma.product.findUnique({ where: { id } });
  await redis.set(`product:v2:${id}`, JSON.stringify(p), 'EX', 300);
  return p;
}

/** The mobile BFF still serves v1 payloads from the old cache. */
export async function legacyProduct(id: string) {
  return legacyCache.get(`product:${id}`);
}

export async function reprice(id: string, priceCents: number) {
  await prisma.product.update({ where: { id }, data: { priceCents } });
  await redis.del(`product:${id}`);
}
