// Resetting a website clears its stats in one transaction and writes the row it returns to the cache.
import { PrismaClient } from '@prisma/client';
import redis from './lib/redis';

const prisma = new PrismaClient();

export async function website(websiteId: string) {
  const hit = redis.enabled ? await redis.client.get(`website:${websiteId}`) : null;
  if (hit) return hit;
  const row = await prisma.website.findUnique({ where: { id: websiteId } });
  if (redis.enabled) await redis.client.set(`website:${websiteId}`, row);
  return row;
}

export async function resetWebsite(websiteId: string) {
  const data = await prisma.website.update({ where: { id: websiteId }, data: { resetAt: new Date() } });
  if (redis.enabled) {
    await redis.client.set(`website:${websiteId}`, data); // expect: set-after-commit
  }
  return data;
}
