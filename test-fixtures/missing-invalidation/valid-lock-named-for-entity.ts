// valid: the only user key is a lock, no cache of user rows
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function withUserLock(id: string, work: () => Promise<void>) {
  const ok = await redis.set(`user:${id}:lock`, '1', 'EX', 30, 'NX');
  if (!ok) return;
  const user = await prisma.user.findUnique({ where: { id } });
  if (user) await work();
}

export async function renameUser(id: string, name: string) {
  await prisma.user.update({ where: { id }, data: { name } });
}
