import { Redis } from '@upstash/redis';
import { PrismaClient } from '@prisma/client';

const redis = Redis.fromEnv();
const prisma = new PrismaClient();

interface Prefs {
  newsletter: boolean;
  digest: string;
}

export async function prefs(userId: string) {
  const hit = await redis.get<Prefs>(`prefs:${userId}`);
  if (hit) return hit;
  const row = await prisma.preferences.findUnique({ where: { userId } });
  await redis.set(`prefs:${userId}`, row, { ex: 3600 });
  return row;
}

export async function unsubscribe(userId: string) {
  const cached = await redis.get<Prefs>(`prefs:${userId}`);
  await prisma.preferences.upsert({ // expect: write-from-cache
    where: { userId },
    create: { userId, newsletter: false, digest: 'weekly' },
    update: { ...cached, newsletter: false },
  });
  await redis.del(`prefs:${userId}`);
}
