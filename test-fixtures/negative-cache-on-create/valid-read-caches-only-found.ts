// valid: the read path caches only rows it found, so there is no marker for a create to clear
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getUser(id: string) {
  const cached = await redis.get(`user:${id}`);
  if (cached !== null) return JSON.parse(cached);
  const user = await prisma.user.findUnique({ where: { id } });
  if (user) await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 600);
  return user;
}

export async function createUser(id: string, email: string) {
  return prisma.user.create({ data: { id, email } });
}
