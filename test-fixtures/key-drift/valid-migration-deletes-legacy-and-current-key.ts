// valid: during the v1 → v2 migration the invalidation clears both the legacy key and the current
// one on purpose, so no stale v1 payload survives for a rollback
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function listing(id: string) {
  const hit = await redis.get(`listing:v2:${id}`);
  if (hit) return JSON.parse(hit);
  const l = await prisma.listing.findUnique({ where: { id } });
  await redis.set(`listing:v2:${id}`, JSON.stringify(l), 'EX', 600);
  return l;
}

export async function updateListing(id: string, title: string) {
  await prisma.listing.update({ where: { id }, data: { title } });
  await redis.del(`listing:v2:${id}`);
  await redis.del(`listing:${id}`); // TODO(2025-03): drop once v1 keys have expired
}
