// valid: `user:<id>` is not cached any more, but the same function clears the key that is
// (`user:settings:<id>`): the extra delete is leftover cleanup, not a missed invalidation
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function settings(userId: string) {
  const hit = await redis.get(`user:settings:${userId}`);
  if (hit) return JSON.parse(hit);
  const s = await prisma.userSettings.findUnique({ where: { userId } });
  await redis.set(`user:settings:${userId}`, JSON.stringify(s), 'EX', 600);
  return s;
}

export async function changeLocale(userId: string, locale: string) {
  await prisma.userSettings.update({ where: { userId }, data: { locale } });
  await redis.del(`user:settings:${userId}`);
  await redis.del(`user:${userId}`);
}
