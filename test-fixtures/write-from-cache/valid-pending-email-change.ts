// valid: a requested email change is staged in Redis until it is confirmed; it is no copy of a row
import { Redis } from '@upstash/redis';
import { PrismaClient } from '@prisma/client';

const redis = Redis.fromEnv();
const prisma = new PrismaClient();

export async function requestChange(userId: string, email: string, newEmail: string) {
  await redis.set(`email-change:user:${userId}`, { email, newEmail }, { ex: 900 });
}

export async function confirmChange(userId: string) {
  const pending = await redis.get<{ email: string; newEmail: string }>(`email-change:user:${userId}`);
  if (!pending) return;
  await prisma.user.update({ where: { id: userId }, data: { email: pending.newEmail } });
  await redis.del(`email-change:user:${userId}`);
}
