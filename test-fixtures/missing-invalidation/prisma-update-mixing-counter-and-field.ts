// The firing twin of the Prisma counter look-alike: the update bumps the counter and also
// changes the title, so the cached post is stale until its TTL.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function post(id: string) {
  const hit = await redis.get(`post:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.post.findUnique({ where: { id } });
  await redis.set(`post:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}

export async function retitle(id: string, title: string) {
  await prisma.post.update({ where: { id }, data: { edits: { increment: 1 }, title } }); // expect: missing-invalidation
}
