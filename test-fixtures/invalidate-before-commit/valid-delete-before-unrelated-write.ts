// valid: the deleted key caches users; the write that follows is an audit row, not a user.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

export async function getUser(id: string) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const user = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 600);
  return user;
}

export async function refresh(id: string, actorId: string) {
  await redis.del(`user:${id}`);
  await prisma.auditLog.create({ data: { action: 'user.refresh', userId: id, actorId } });
}
