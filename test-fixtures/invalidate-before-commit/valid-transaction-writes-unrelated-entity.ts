// valid: the transaction writes audit rows only; the user row changed (and committed) before it.
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

export async function verify(id: string) {
  await prisma.user.update({ where: { id }, data: { verified: true } });
  await prisma.$transaction(async (tx) => {
    await tx.auditLog.create({ data: { action: 'user.verified', userId: id } });
    await tx.notification.create({ data: { userId: id, kind: 'verified' } });
    await redis.del(`user:${id}`);
  });
}
