import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getUserSettings(userId: string) {
  const cached = await redis.get(`user:settings:${userId}`);
  if (cached) return JSON.parse(cached);
  const settings = await prisma.userSettings.findUnique({ where: { userId } });
  await redis.set(`user:settings:${userId}`, JSON.stringify(settings), 'EX', 600);
  return settings;
}

export async function updateTimezone(userId: string, timezone: string) {
  await prisma.userSettings.update({ where: { userId }, data: { timezone } });
  // the settings live under user:settings:<id>; user:<id> is never cached anywhere
  await redis.del(`user:${userId}`); // expect: key-drift
}
