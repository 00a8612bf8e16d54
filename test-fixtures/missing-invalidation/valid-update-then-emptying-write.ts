import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function plan(id: string) {
  const raw = await redis.get(`plan:${id}`);
  if (raw) return JSON.parse(raw);
  const row = await prisma.plan.findUnique({ where: { id } });
  await redis.set(`plan:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}

// look-alike: the key is cleared by emptying it (the reader takes '' for a miss)
export async function renamePlan(id: string, name: string) {
  await prisma.plan.update({ where: { id }, data: { name } });
  await redis.set(`plan:${id}`, '');
}

export async function archivePlan(id: string) {
  await prisma.plan.update({ where: { id }, data: { archived: true } }); // expect: missing-invalidation
}
