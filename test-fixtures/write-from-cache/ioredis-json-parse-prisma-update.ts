import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function user(id: string) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}

/** Reads the cached user, bumps a field and writes the whole cached object back. */
export async function addPoints(id: string, n: number) {
  const u = JSON.parse((await redis.get(`user:${id}`))!);
  u.points += n;
  await prisma.user.update({ where: { id }, data: u }); // expect: write-from-cache
  await redis.del(`user:${id}`);
}
