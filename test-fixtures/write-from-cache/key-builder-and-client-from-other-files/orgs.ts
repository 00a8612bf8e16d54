import { PrismaClient } from '@prisma/client';
import { CacheKeys } from './keys';
import { redis } from './redis';

const prisma = new PrismaClient();

export async function org(id: string) {
  const hit = await redis.get(CacheKeys.org(id));
  if (hit) return JSON.parse(hit);
  const row = await prisma.organization.findUnique({ where: { id } });
  await redis.set(CacheKeys.org(id), JSON.stringify(row), 'EX', 900);
  return row;
}
