import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function userById(id: string) {
  const cached = await redis.get(`user:${id}`);
  if (cached !== null) return JSON.parse(cached);
  const user = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, user ? JSON.stringify(user) : JSON.stringify(null), 'EX', user ? 600 : 60);
  return user;
}

export async function userByUsername(username: string) {
  const cached = await redis.get(`user:username:${username}`);
  if (cached !== null) return JSON.parse(cached);
  const user = await prisma.user.findUnique({ where: { username } });
  await redis.set(`user:username:${username}`, user ? JSON.stringify(user) : JSON.stringify(null), 'EX', user ? 600 : 60);
  return user;
}

// clears the by-id marker but not the by-username one, which is the lookup a sign-up form hits
export async function signUp(id: string, username: string) {
  const user = await prisma.user.create({ data: { id, username } }); // expect: negative-cache-on-create
  await redis.del(`user:username:${user.username}`);
  await redis.del(`user:${user.id}`);
  return user;
}
