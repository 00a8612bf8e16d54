// valid: a module-level Map is an in-process memo; its keys are not cache keys of the Redis store
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();
const lastSeen = new Map<string, Date>();

export async function profile(userId: string) {
  const raw = await redis.get(`profile:v3:${userId}`);
  if (raw) return JSON.parse(raw);
  const p = await prisma.profile.findUnique({ where: { userId } });
  await redis.set(`profile:v3:${userId}`, JSON.stringify(p), { EX: 600 });
  return p;
}

export async function updateBio(userId: string, bio: string) {
  await prisma.profile.update({ where: { userId }, data: { bio } });
  await redis.del(`profile:v3:${userId}`);
  lastSeen.set(`profile:${userId}`, new Date());
  lastSeen.set(`profiles_${userId}`, new Date());
}
