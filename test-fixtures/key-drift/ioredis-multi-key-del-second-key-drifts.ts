import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getThread(threadId: string) {
  const cached = await redis.get(`thread:${threadId}`);
  if (cached) return JSON.parse(cached);
  const thread = await prisma.thread.findUnique({ where: { id: threadId } });
  await redis.set(`thread:${threadId}`, JSON.stringify(thread), 'EX', 120);
  return thread;
}

export async function getReplies(threadId: string) {
  const cached = await redis.get(`thread:${threadId}:replies`);
  if (cached) return JSON.parse(cached);
  const replies = await prisma.reply.findMany({ where: { threadId } });
  await redis.set(`thread:${threadId}:replies`, JSON.stringify(replies), 'EX', 120);
  return replies;
}

export async function reply(threadId: string, body: string) {
  await prisma.reply.create({ data: { threadId, body } });
  await prisma.thread.update({ where: { id: threadId }, data: { lastReplyAt: new Date() } });
  // DEL takes several keys: only the first one's shape is known to the facts layer today
  await redis.del(`thread:${threadId}`, `threads:${threadId}:replies`); // expect: key-drift
}
