import { PrismaClient } from '@prisma/client';
import { redisDataSource } from './redis';

const prisma = new PrismaClient();

export async function getUser(id: string) {
  const hit = await redisDataSource.redisClient?.get(`cache:user:${id}`);
  if (hit) return JSON.parse(hit);
  const user = await prisma.user.findUnique({ where: { id } });
  await redisDataSource.redisClient?.set(`cache:user:${id}`, JSON.stringify(user)); // expect: missing-ttl
  return user;
}

export async function getPlan(id: string) {
  const hit = await redisDataSource.redisClient?.get(`cache:plan:${id}`);
  if (hit) return JSON.parse(hit);
  const plan = await prisma.plan.findUnique({ where: { id } });
  await redisDataSource.redisClient?.set(`cache:plan:${id}`, JSON.stringify(plan), 'EX', 600);
  return plan;
}
