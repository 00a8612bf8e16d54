// The create deletes `users:{}` while the marker lives under `user:{}`: key-drift reports the
// mismatch, and this rule leaves that key to key-drift instead of reporting it twice.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getUser(id: string) {
  const cached = await redis.get(`user:${id}`);
  if (cached === 'null') return null;
  if (cached) return JSON.parse(cached);
  const user = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, user ? JSON.stringify(user) : 'null', 'EX', user ? 600 : 60);
  return user;
}

export async function createUser(id: string, email: string) {
  const user = await prisma.user.create({ data: { id, email } });
  await redis.del(`users:${id}`); // expect: key-drift
  return user;
}
