// Look-alike: a view counter bumped with Prisma's `{ increment: 1 }` on a cached post. The cached
// copy's count lags until its 10-minute TTL, which is what caching a counted row accepts; a title
// change mixed into the same update is a real change and would be reported.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function post(id: string) {
  const hit = await redis.get(`post:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.post.findUnique({ where: { id } });
  await redis.set(`post:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}

export async function countView(id: string) {
  await prisma.post.update({ where: { id }, data: { views: { increment: 1 }, shares: { increment: 0 } } });
}
