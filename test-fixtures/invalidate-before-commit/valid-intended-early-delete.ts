// valid: the early delete is deliberate: a worker deletes the key again after the commit.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';
import { enqueueDelayedDelete } from './cache-jobs';

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
  // first half of a delayed double delete on purpose: enqueueDelayedDelete deletes again after the commit
  await redis.del(`user:${id}`);
  await prisma.user.update({ where: { id }, data: { email } });
  await enqueueDelayedDelete(`user:${id}`);
}
