import { Redis } from '@upstash/redis';
import { PrismaClient } from '@prisma/client';

const redis = Redis.fromEnv();
const prisma = new PrismaClient();

export async function getPost(slug: string) {
  const cached = await redis.get<{ id: string; title: string }>(`post:${slug}`);
  if (cached) return cached;
  const post = await prisma.post.findFirst({ where: { slug, published: true }, select: { id: true, title: true } });
  if (post) await redis.set(`post:${slug}`, post, { ex: 300 }); // expect: missing-ttl
  return post;
}
