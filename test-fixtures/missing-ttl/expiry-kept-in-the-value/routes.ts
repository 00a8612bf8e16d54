import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';
import { getCache, setCache } from './timed-cache';
import { getStamped, setStamped } from './stamped-cache';

const prisma = new PrismaClient();
const redis = new Redis(process.env.REDIS_URL!);

export async function proposal(id: string) {
  const hit = await getCache(`proposal:${id}`);
  if (hit) return hit;
  const row = await prisma.proposal.findUnique({ where: { id } });
  await setCache(`proposal:${id}`, row);
  return row;
}

export async function referendum(id: string) {
  const hit = await getStamped(`referendum:${id}`);
  if (hit) return hit;
  const row = await prisma.referendum.findUnique({ where: { id } });
  await setStamped(`referendum:${id}`, row); // expect: missing-ttl
  return row;
}

/** The client's own read, checked with date-fns: an expired entry is reloaded. */
export async function delegate(id: string) {
  const hit = await redis.get(`delegate:${id}`);
  if (hit) {
    const cached = JSON.parse(hit);
    if (!isPast(cached.expiresAt)) return cached.row;
  }
  const row = await prisma.delegate.findUnique({ where: { id } });
  await redis.set(`delegate:${id}`, JSON.stringify({ row, expiresAt: Date.now() + 300_000 }));
  return row;
}

declare function isPast(d: number | Date): boolean;
