import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

/** A deleted short link keeps redirecting until the cached row expires. */
export async function resolveLink(slug: string) {
  const hit = await redis.get(`link:${slug}`);
  if (hit) return JSON.parse(hit);
  const link = await prisma.link.findUnique({ where: { slug } });
  await redis.set(`link:${slug}`, JSON.stringify(link), 'EX', 86_400);
  return link;
}

export async function deleteLink(slug: string) {
  await prisma.link.delete({ where: { slug } }); // expect: missing-invalidation
}
