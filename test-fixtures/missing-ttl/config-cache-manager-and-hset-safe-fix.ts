// config: {"defaultTtlSeconds": 60, "missingTtl": "all-writes"}
import { createCache } from 'cache-manager';
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const memory = createCache();
const redis = new Redis();
const prisma = new PrismaClient();

export async function shippingZones(country: string) {
  const hit = await memory.get<string[]>(`zones:${country}`);
  if (hit) return hit;
  const zones = (await prisma.shippingZone.findMany({ where: { country } })).map((z) => z.code);
  await memory.set(`zones:${country}`, zones); // expect: missing-ttl
  return zones;
}

export async function cacheOpeningHours(storeId: string, hours: Record<string, string>) {
  await redis.hset(`store:${storeId}:hours`, hours); // expect: missing-ttl
}
