// valid: the create deletes the exact key the read path caches its not-found marker under
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getUser(id: string) {
  const cached = await redis.get(`user:${id}`);
  if (cached !== null) return JSON.parse(cached);
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user) {
    await redis.set(`user:${id}`, JSON.stringify(null), 'EX', 60);
    return null;
  }
  await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 600);
  return user;
}

export async function createUser(id: string, email: string) {
  const user = await prisma.user.create({ data: { id, email } });
  await redis.del(`user:${id}`);
  return user;
}
