import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

// JSON.stringify(row) of a lookup that may return null stores "null": negative caching by accident.
// The TTL picked on `row ? … : …` shows the author knows the miss is cached.
export async function getOrganization(slug: string) {
  const cached = await redis.get(`org:${slug}`);
  if (cached !== null) return JSON.parse(cached);
  const org = await prisma.organization.findUnique({ where: { slug } });
  await redis.set(`org:${slug}`, JSON.stringify(org), 'EX', org ? 3600 : 60);
  return org;
}

export async function createOrganization(slug: string, name: string) {
  const org = await prisma.organization.create({ data: { slug, name } }); // todo-expect: negative-cache-on-create
  return org;
}
