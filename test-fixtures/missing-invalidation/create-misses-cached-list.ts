import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

/** The whole category list is cached: a new category is missing from it until it expires. */
export async function categories() {
  const hit = await redis.get('categories:all');
  if (hit) return JSON.parse(hit);
  const rows = await prisma.category.findMany({ orderBy: { name: 'asc' } });
  await redis.set('categories:all', JSON.stringify(rows), 'EX', 3600);
  return rows;
}

export async function addCategory(name: string) {
  return prisma.category.create({ data: { name } }); // expect: missing-invalidation
}
