import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getProfile(handle: string) {
  const cached = await redis.get(`profile:${handle}`);
  if (cached) return JSON.parse(cached);
  const profile = await prisma.profile.findUnique({ where: { handle } });
  if (!profile) {
    await redis.set(`profile:${handle}`, JSON.stringify(null), 'EX', 60);
    return null;
  }
  await redis.set(`profile:${handle}`, JSON.stringify(profile), 'EX', 3600);
  return profile;
}

export async function signUp(handle: string, email: string) {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email } });
    const profile = await tx.profile.create({ data: { handle, userId: user.id } }); // expect: negative-cache-on-create
    return { user, profile };
  });
}
