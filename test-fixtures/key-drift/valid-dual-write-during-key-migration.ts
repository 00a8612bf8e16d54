// valid: while the mobile API (another deployment) still reads the v1 shape, the writer fills both
// shapes in the same function on purpose; the v2 one is what this service reads
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function feed(userId: string) {
  const hit = await redis.get(`feed:v2:${userId}`);
  if (hit) return JSON.parse(hit);
  return rebuildFeed(userId);
}

export async function rebuildFeed(userId: string) {
  const posts = await prisma.post.findMany({ where: { author: { followers: { some: { followerId: userId } } } }, take: 50 });
  await redis.set(`feed:v2:${userId}`, JSON.stringify(posts), 'EX', 120);
  await redis.set(`feed:${userId}`, JSON.stringify(posts.map((p) => p.id)), 'EX', 120);
  return posts;
}
