// The new value is cached inside the transaction, before the write that may still roll back.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

export async function getPlan(id: string) {
  const hit = await redis.get(`plan:${id}`);
  if (hit) return JSON.parse(hit);
  const plan = await prisma.plan.findUnique({ where: { id } });
  await redis.set(`plan:${id}`, JSON.stringify(plan), 'EX', 300);
  return plan;
}

export async function reprice(id: string, priceCents: number) {
  await prisma.$transaction(async (tx) => {
    const plan = await tx.plan.findUniqueOrThrow({ where: { id } });
    await redis.set(`plan:${id}`, JSON.stringify({ ...plan, priceCents }), 'EX', 300); // expect: invalidate-before-commit
    await tx.plan.update({ where: { id }, data: { priceCents } });
  });
}
