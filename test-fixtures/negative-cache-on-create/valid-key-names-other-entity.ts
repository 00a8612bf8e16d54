// valid: the marker is keyed by user although the lookup went through sessions; creating a session is not creating a user
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function userForToken(token: string) {
  const cached = await redis.get(`user:token:${token}`);
  if (cached === 'null') return null;
  if (cached) return JSON.parse(cached);
  const session = await prisma.session.findUnique({ where: { token }, include: { user: true } });
  await redis.set(`user:token:${token}`, session ? JSON.stringify(session.user) : 'null', 'EX', 30);
  return session?.user ?? null;
}

export async function login(userId: string, token: string) {
  const session = await prisma.session.create({ data: { userId, token } });
  return session;
}

export async function findUser(id: string) {
  return prisma.user.findUnique({ where: { id } });
}
