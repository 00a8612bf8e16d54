// valid: keys passed in as variables have no literal text to compare, so nothing can be said
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function cached<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  const hit = await redis.get(key);
  if (hit !== null) return JSON.parse(hit) as T;
  const value = await load();
  await redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);
  return value;
}

export async function evict(keys: string[]): Promise<void> {
  for (const key of keys) await redis.del(key);
}

export async function closeTicket(ticketId: string, cacheKey: string) {
  await prisma.ticket.update({ where: { id: ticketId }, data: { closedAt: new Date() } });
  await redis.del(cacheKey);
}
