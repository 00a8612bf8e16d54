import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { lock } from './locks';

const redis = new Redis();
const prisma = new PrismaClient();

// Readers use the published copy as it is: nothing reloads it on a miss.
export async function readPublished(id: string) {
  const raw = await redis.get(`doc:published:${id}`);
  return raw ? JSON.parse(raw) : null;
}

// Two publishers can commit in one order and set the copy in the other.
export async function publish(id: string, body: string) {
  const doc = await prisma.doc.update({ where: { id }, data: { body, publishedAt: new Date() } });
  await redis.set(`doc:published:${id}`, JSON.stringify(doc), 'EX', 600); // expect: set-after-commit
}

// Look-alike: publishers of a document take turns under its lock, so the copy follows the commits.
export async function republish(id: string, body: string) {
  const release = await lock(`doc:${id}`);
  try {
    const doc = await prisma.doc.update({ where: { id }, data: { body, publishedAt: new Date() } });
    await redis.set(`doc:published:${id}`, JSON.stringify(doc), 'EX', 600);
  } finally {
    await release();
  }
}
