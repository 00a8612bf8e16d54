import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function preferences(userId: string) {
  const hit = await redis.get(`preferences:${userId}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.preferences.findUnique({ where: { userId } });
  await redis.set(`preferences:${userId}`, JSON.stringify(row), 'EX', 600);
  return row;
}

export async function savePreferences(userId: string, theme: string) {
  await prisma.preferences.upsert({ where: { userId }, create: { userId, theme }, update: { theme } }); // expect: missing-invalidation
}
