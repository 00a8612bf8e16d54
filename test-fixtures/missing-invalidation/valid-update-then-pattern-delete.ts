// valid: every user key is deleted with a SCAN loop after the bulk update
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

export async function deactivateAll() {
  await prisma.user.updateMany({ data: { active: false } });
  for await (const keys of redis.scanStream({ match: 'user:*' })) if (keys.length) await redis.unlink(...keys);
}
