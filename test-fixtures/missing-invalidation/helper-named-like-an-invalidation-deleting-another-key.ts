// bustStatsCache() is named like an invalidation, but what it deletes is the daily stats key:
// the cached plan row is left as it was.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function planOf(id: string) {
  const hit = await redis.get(`plan:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.plan.findUnique({ where: { id } });
  await redis.set(`plan:${id}`, JSON.stringify(row), 'EX', 3600);
  return row;
}

async function bustStatsCache() {
  await redis.del('stats:today');
}

export async function renamePlan(id: string, name: string) {
  await prisma.plan.update({ where: { id }, data: { name } }); // expect: missing-invalidation
  await bustStatsCache();
}
