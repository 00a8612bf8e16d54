// The online list reads `admin:online:user<id>` (no ':') while login writes
// `admin:online:user:<id>`: the list never finds anyone.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const ONLINE_KEY = 'admin:online:user';
const redis = new Redis();
const prisma = new PrismaClient();

export async function login(userId: number, ip: string) {
  const user = await prisma.sysUser.findUnique({ where: { userId } });
  await redis.set(`${ONLINE_KEY}:${userId}`, JSON.stringify({ userName: user?.userName, ip }), 'EX', 3600); // expect: key-drift
}

export async function onlineUser(userId: number) {
  const hit = await redis.get(ONLINE_KEY + userId);
  if (hit) return JSON.parse(hit);
  const user = await prisma.sysUser.findUnique({ where: { userId } });
  await redis.set(ONLINE_KEY + userId, JSON.stringify({ userName: user?.userName }), 'EX', 3600);
  return user;
}
