// valid: the read path itself writes the row and caches it (a get-or-create manages its own key)
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function counterFor(day: string) {
  const hit = await redis.get(`counter:${day}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.counter.upsert({ where: { day }, create: { day }, update: {} });
  await redis.set(`counter:${day}`, JSON.stringify(row), 'EX', 60);
  return row;
}
