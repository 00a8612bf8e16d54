// The cache is filled by a loader in another file that reads the site_map row; the update writes
// a count read from the cached copy back over the row
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { storedMap } from './site-maps';

const redis = new Redis();
const prisma = new PrismaClient();

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
