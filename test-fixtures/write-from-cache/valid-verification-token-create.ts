// valid: a pending sign-up kept under a verification token is staging data, not a copy of a row
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function signUp(token: string, data: { email: string; name: string }) {
  await redis.set(`verify:${token}`, JSON.stringify(data), 'EX', 86400);
}

export async function confirm(token: string) {
  const pending = JSON.parse((await redis.get(`verify:${token}`))!);
  await prisma.user.create({ data: pending });
  await redis.del(`verify:${token}`);
}
