// valid: a view counter kept in Redis and flushed to the database is the primary copy, not a cache
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function view(postId: string) {
  await redis.incr(`post:views:${postId}`);
}

export async function flush(postId: string) {
  const views = Number(await redis.get(`post:views:${postId}`));
  await prisma.post.update({ where: { id: postId }, data: { views } });
}
