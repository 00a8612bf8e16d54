// valid: a job popped from a Redis list is a queue entry, not a cached copy
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function drain() {
  const raw = await redis.lpop('outbox:emails');
  if (!raw) return;
  await prisma.email.create({ data: JSON.parse(raw) });
}
