// A read helper serves the cached copy unless told to bypass it. One caller asks for a fresh row
// before writing one built from it; another writes back whatever the cache held.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getSettings(userId: string, { bypassCache = false }: { bypassCache?: boolean } = {}) {
  const key = `settings:${userId}`;
  if (!bypassCache) {
    const cached = await redis.get(key);
    if (cached) return JSON.parse(cached);
  }
  const row = await prisma.settings.findUnique({ where: { userId } });
  await redis.set(key, JSON.stringify(row), 'EX', 300);
  return row;
}

export async function copyToProfile(userId: string) {
  const s = await getSettings(userId, { bypassCache: true });
  await prisma.profile.update({ where: { userId }, data: { theme: s.theme, locale: s.locale } });
}

export async function copyToBackup(userId: string) {
  const s = await getSettings(userId);
  await prisma.settingsBackup.create({ data: { userId, theme: s.theme, locale: s.locale } }); // expect: write-from-cache
}
