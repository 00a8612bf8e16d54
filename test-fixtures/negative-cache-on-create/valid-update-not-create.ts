// valid: only updates follow the cached miss; an update cannot turn a missing row into an existing one
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getPost(id: string) {
  const cached = await redis.get(`post:${id}`);
  if (cached === 'null') return null;
  if (cached) return JSON.parse(cached);
  const post = await prisma.post.findUnique({ where: { id } });
  await redis.set(`post:${id}`, post ? JSON.stringify(post) : 'null', 'EX', 60);
  return post;
}

export async function publishPost(id: string) {
  await prisma.post.update({ where: { id }, data: { publishedAt: new Date() } });
  await redis.del(`post:${id}`);
}
