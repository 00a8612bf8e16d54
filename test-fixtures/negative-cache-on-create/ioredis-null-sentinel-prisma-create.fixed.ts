import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
const prisma = new PrismaClient();

export async function getUser(id: string) {
  const cached = await redis.get(`user:${id}`);
  if (cached !== null) return JSON.parse(cached);
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user) {
    // remember the miss for a minute so unknown ids don't hammer the database
    await redis.set(`user:${id}`, JSON.stringify(null), 'EX', 60);
    return null;
  }
  await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 600);
  return user;
}

export async function createUser(id: string, email: string) {
  const user = await prisma.user.create({ data: { id, email } }); // expect: negative-cache-on-create
  await redis.del(`user:${user.id}`);
  return user;
}
