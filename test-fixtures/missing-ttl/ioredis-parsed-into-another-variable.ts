import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

interface Category {
  id: number;
  name: string;
}

// the cached JSON is parsed into another variable, and the miss is tested on that one
export async function categoriesOf(type: string): Promise<Category[]> {
  let categories: Category[] | undefined;
  const raw = await redis.get(`categories:${type}`);
  if (raw) categories = JSON.parse(raw);

  if (!categories) {
    const rows = await prisma.tag.findMany({ where: { type }, select: { id: true, name: true } });
    categories = rows.map((r) => ({ id: r.id, name: r.name }));
    await redis.set(`categories:${type}`, JSON.stringify(categories)); // expect: missing-ttl
  }
  return categories;
}
