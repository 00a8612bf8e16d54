// Soft-deleting a comment rewrites the cached thread hash instead of dropping it.
import { Redis } from '@upstash/redis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis({ url: process.env.UPSTASH_REDIS_REST_URL!, token: process.env.UPSTASH_REDIS_REST_TOKEN! });
const prisma = new PrismaClient();

export async function removeComment(threadId: string, commentId: string) {
  await prisma.comment.delete({ where: { id: commentId } });
  const comments = await prisma.comment.findMany({ where: { threadId } });
  await redis.hset(`comment:thread:${threadId}`, { count: comments.length, ids: comments.map((c) => c.id).join(',') }); // expect: set-after-commit
  await redis.expire(`comment:thread:${threadId}`, 300);
}
