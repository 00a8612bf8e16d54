// valid: `user:<id>` and `user:<id>:profile` are two cached documents, each read and invalidated
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function account(id: string) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const u = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(u), 'EX', 300);
  return u;
}

export async function profile(id: string) {
  const hit = await redis.get(`user:${id}:profile`);
  if (hit) return JSON.parse(hit);
  const p = await prisma.profile.findUnique({ where: { userId: id } });
  await redis.set(`user:${id}:profile`, JSON.stringify(p), 'EX', 300);
  return p;
}

/** Preferences are written with the account but only shown on the profile page. */
export async function changeEmail(id: string, email: string) {
  await prisma.user.update({ where: { id }, data: { email } });
  await redis.del(`user:${id}`);
}

export async function changeAvatar(id: string, avatarUrl: string) {
  await prisma.profile.update({ where: { userId: id }, data: { avatarUrl } });
  await redis.del(`user:${id}:profile`);
}
