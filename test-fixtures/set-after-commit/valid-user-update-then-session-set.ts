// valid: the login writes the user row, then stores a session: the cached entity is not the one written
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function login(userId: string, ip: string) {
  await prisma.user.update({ where: { id: userId }, data: { lastLoginAt: new Date(), lastLoginIp: ip } });
  const token = randomUUID();
  await redis.set(`session:${token}`, JSON.stringify({ userId, ip }), 'EX', 86_400);
  return token;
}
