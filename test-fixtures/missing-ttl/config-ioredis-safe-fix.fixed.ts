// config: {"defaultTtlSeconds": 60}
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getUser(id: string) {
  const cached = await redis.get(`user:${id}`);
  if (cached !== null) return JSON.parse(cached);
  const user = await prisma.user.findUnique({ where: { id } });
  if (user) await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 60); // expect: missing-ttl
  return user;
}

/** Marks the region's catalogue cache as warmed; only the first worker's mark counts. */
export async function markWarmed(region: string) {
  await redis.setnx(`catalog:warmed:${region}`, String(process.pid));
}
