// Bulk publish: many rows updated, then every key written at once (mset: no single key to delete).
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function publishAll(ids: string[]) {
  await prisma.post.updateMany({ where: { id: { in: ids } }, data: { published: true } });
  const posts = await prisma.post.findMany({ where: { id: { in: ids } } });
  await redis.mset(Object.fromEntries(posts.map((p) => [`post:${p.id}`, JSON.stringify(p)]))); // expect: set-after-commit, missing-ttl
  return posts;
}
