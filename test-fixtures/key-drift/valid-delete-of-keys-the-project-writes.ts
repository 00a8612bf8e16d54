// valid: `user:<id>:sessions` and the login counter are written here (never read back by this
// service: the auth gateway reads them), so deleting them is not a dead delete
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function user(id: string) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const u = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(u), 'EX', 300);
  return u;
}

export async function login(userId: string, sessionId: string) {
  await redis.sadd(`user:${userId}:sessions`, sessionId);
  await redis.expire(`user:${userId}:sessions`, 86_400);
  await redis.incr(`user:${userId}:logins`);
}

export async function deleteAccount(userId: string) {
  await prisma.user.delete({ where: { id: userId } });
  await redis.del(`user:${userId}`);
  await redis.del(`user:${userId}:sessions`);
  await redis.del(`user:${userId}:logins`);
}
