// valid: the product code never writes the cached copy back
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

export const redis = new Redis();
export const prisma = new PrismaClient();

export async function user(id: string) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}
