import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis(process.env.REDIS_URL!);

/** Compared with the clock, but on a field that is no expiry (when it was made): served forever. */
export async function council(id: string) {
  const hit = await redis.get(`council:${id}`);
  if (hit) {
    const cached = JSON.parse(hit);
    if (cached.createdAt < Date.now()) return cached.row;
  }
  const row = await prisma.council.findUnique({ where: { id } });
  await redis.set(`council:${id}`, JSON.stringify({ row, createdAt: Date.now() })); // expect: missing-ttl
  return row;
}
