// valid: the update and the cache write are on mutually exclusive branches of one if/else
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function syncProfile(userId: string, patch: { bio?: string } | null) {
  if (patch) {
    await prisma.profile.update({ where: { userId }, data: patch });
    await redis.del(`profile:${userId}`);
  } else {
    const profile = await prisma.profile.findUnique({ where: { userId } });
    await redis.set(`profile:${userId}`, JSON.stringify(profile), 'EX', 900);
  }
}
