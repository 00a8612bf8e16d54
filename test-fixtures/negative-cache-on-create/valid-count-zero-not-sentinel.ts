// valid: a cached count of 0 (or a cached undefined) is a value, not a not-found marker
import { caching } from 'cache-manager';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const cache = await caching('memory', { ttl: 30_000 });

export async function unreadCount(userId: string) {
  const cached = await cache.get<number>(`unread:${userId}`);
  if (cached !== undefined) return cached;
  const count = await prisma.notification.count({ where: { userId, readAt: null } });
  await cache.set(`unread:${userId}`, count > 0 ? count : 0);
  return count;
}

export async function notify(userId: string, text: string) {
  const n = await prisma.notification.create({ data: { userId, text } });
  return n;
}
