// valid: a seed script creates rows at module top level, before the app serves any lookups
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getCategory(slug: string) {
  const cached = await redis.get(`category:${slug}`);
  if (cached === 'null') return null;
  if (cached) return JSON.parse(cached);
  const category = await prisma.category.findUnique({ where: { slug } });
  await redis.set(`category:${slug}`, category ? JSON.stringify(category) : 'null', 'EX', 60);
  return category;
}

await prisma.category.create({ data: { slug: 'books', name: 'Books' } });
await prisma.category.create({ data: { slug: 'music', name: 'Music' } });
await prisma.$disconnect();
