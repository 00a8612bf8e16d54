// The lookup hands a miss to a helper that caches the marker; the create path never clears it.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

async function rememberMissing(slug: string) {
  await redis.set(`article:${slug}`, '__NOT_FOUND__', 'EX', 120);
}

export async function article(slug: string) {
  const hit = await redis.get(`article:${slug}`);
  if (hit === '__NOT_FOUND__') return null;
  if (hit) return JSON.parse(hit);
  const row = await prisma.article.findUnique({ where: { slug } });
  if (!row) await rememberMissing(slug);
  else await redis.set(`article:${slug}`, JSON.stringify(row), 'EX', 600);
  return row;
}

export async function publish(slug: string, body: string) {
  return prisma.article.create({ data: { slug, body } }); // expect: negative-cache-on-create
}
