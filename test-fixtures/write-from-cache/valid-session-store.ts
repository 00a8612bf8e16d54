// valid: a session store is no cache of rows; the session is the source of truth for what it holds
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function recordVisit(sid: string) {
  const session = JSON.parse((await redis.get(`session:${sid}`)) ?? '{}');
  await prisma.user.update({ where: { id: session.userId }, data: { lastSeenAt: new Date(), locale: session.locale } });
}
