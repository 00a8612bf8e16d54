// valid: incr, del, hdel and getex neither create a cached value without expiry nor are set-like writes
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function deleteComment(id: string, postId: string) {
  await prisma.comment.delete({ where: { id } });
  await redis.del(`comment:${id}`);
  await redis.hdel(`post:${postId}:comments`, id);
  await redis.incr(`post:${postId}:version`);
}

export async function touch(postId: string) {
  return redis.getex(`post:${postId}`, 'EX', 600);
}
