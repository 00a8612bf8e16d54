// The user's cache entry is deleted inside the interactive transaction, before it commits.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

export async function rename(id: string, name: string) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { name } });
    await tx.auditLog.create({ data: { action: 'user.rename', userId: id } });
  });
  await redis.del(`user:${id}`); // expect: invalidate-before-commit
}

export async function getUser(id: string) {
  const cached = await redis.get(`user:${id}`);
  if (cached) return JSON.parse(cached);
  const user = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 300);
  return user;
}
