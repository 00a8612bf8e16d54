// valid: signing up deletes the cached existence flag
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function emailTaken(email: string): Promise<boolean> {
  const hit = await redis.get(`user-exists:${email}`);
  if (hit !== null) return hit === '1';
  const exists = (await prisma.user.count({ where: { email } })) > 0;
  await redis.set(`user-exists:${email}`, exists ? '1' : '0', 'EX', 600);
  return exists;
}

export async function signUp(email: string, name: string) {
  const u = await prisma.user.create({ data: { email, name } });
  await redis.del(`user-exists:${email}`);
  return u;
}
