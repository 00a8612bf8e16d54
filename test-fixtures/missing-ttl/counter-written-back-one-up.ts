import Redis from 'ioredis';
import { Router } from 'express';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

// a view count kept in Redis, read and written back one up (no INCR): a counter, no copy of a row
async function views(docId: string): Promise<number> {
  return Number((await redis.get(`views-${docId}`)) ?? 0);
}

async function recordView(docId: string) {
  const n = await views(docId);
  await redis.set(`views-${docId}`, String(n + 1));
}

// a document's row, copied with no expiry
async function getDocument(docId: string) {
  const hit = await redis.get(`document-${docId}`);
  if (hit) return JSON.parse(hit);
  const doc = await prisma.document.findUnique({ where: { id: docId } });
  await redis.set(`document-${docId}`, JSON.stringify(doc)); // expect: missing-ttl
  return doc;
}

// the page loads the row and the count together, then counts this view
async function documentPage(docId: string) {
  const [doc, count] = await Promise.all([prisma.document.findUnique({ where: { id: docId } }), views(docId)]);
  await recordView(docId);
  return { ...doc, views: count };
}

export const router = Router();
router.get('/docs/:id', async (req, res) => res.json(await getDocument(req.params.id)));
router.get('/pages/:id', async (req, res) => res.json(await documentPage(req.params.id)));
