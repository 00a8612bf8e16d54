// The same shape, but the cached map is the site_map row its loader reads: the update writes a
// count that may be older than the row's back over it
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

async function storedMap(url: string) {
  return prisma.siteMap.findUnique({ where: { url } });
}

async function mapOf(url: string) {
  const hit = await redis.get(`siteMap:${url}`);
  if (hit) return JSON.parse(hit);
  const map = await storedMap(url);
  await redis.set(`siteMap:${url}`, JSON.stringify(map), 'EX', 172800);
  return map;
}

export async function record(url: string) {
  const map = await mapOf(url);
  await prisma.siteMap.update({ where: { url }, data: { hits: map.hits + 1 } }); // expect: write-from-cache, missing-invalidation
}
