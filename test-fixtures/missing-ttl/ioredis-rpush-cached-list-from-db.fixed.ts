// A list filled from the database after a miss is a cache, and RPUSH never expires it.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function latestOrderIds(userId: string): Promise<string[]> {
  const cached = await redis.lrange(`orders:latest:${userId}`, 0, -1);
  if (cached.length > 0) return cached;
  const orders = await prisma.order.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 10 });
  const ids = orders.map((o) => o.id);
  await redis.rpush(`orders:latest:${userId}`, ...ids); // expect: missing-ttl
  await redis.expire(`orders:latest:${userId}`, 300);
  return ids;
}
