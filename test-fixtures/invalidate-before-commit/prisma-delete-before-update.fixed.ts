// No transaction, but the delete runs before the update: a read in between caches the old row again.
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

export async function changeEmail(id: string, email: string) {
  await prisma.user.update({ where: { id }, data: { email } });
  await redis.del(`user:${id}`); // expect: invalidate-before-commit
}
