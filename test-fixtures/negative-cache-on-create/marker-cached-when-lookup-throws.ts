// A lookup that throws when the row is missing: the catch caches the miss, and signup never clears it.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function profile(handle: string) {
  const hit = await redis.get(`profile:${handle}`);
  if (hit !== null) return hit === '' ? null : JSON.parse(hit);
  try {
    const row = await prisma.profile.findUniqueOrThrow({ where: { handle } });
    await redis.set(`profile:${handle}`, JSON.stringify(row), 'EX', 600);
    return row;
  } catch {
    await redis.set(`profile:${handle}`, '', 'EX', 600);
    return null;
  }
}

export async function signUp(handle: string, name: string) {
  return prisma.profile.create({ data: { handle, name } }); // expect: negative-cache-on-create
}
