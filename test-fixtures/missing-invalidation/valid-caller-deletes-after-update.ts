// valid: the caller of the update deletes the key
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getUser(id: string) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const user = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 600);
  return user;
}

async function writeName(id: string, name: string) {
  await prisma.user.update({ where: { id }, data: { name } });
}

export async function renameUser(id: string, name: string) {
  await writeName(id, name);
  await redis.del(`user:${id}`);
}
