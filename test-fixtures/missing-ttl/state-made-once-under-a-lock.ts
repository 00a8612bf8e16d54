import Redis from 'ioredis';
import Redlock from 'redlock';
import { Router } from 'express';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const redlock = new Redlock([redis]);
const prisma = new PrismaClient();

// which worker serves a document: picked once, under a lock, from the workers Redis knows about
async function assignWorker(docId: string) {
  const lock = await redlock.acquire([`assign-lock:${docId}`], 5000);
  try {
    const assigned = await redis.get(`doc:${docId}`);
    if (assigned) return JSON.parse(assigned);
    const worker = await pickWorker();
    await redis.set(`doc:${docId}`, JSON.stringify(worker));
    return worker;
  } finally {
    await lock.release();
  }
}

// the same through a reader of the assignment, called under the lock
async function readAssignment(docId: string) {
  const assigned = await redis.get(`session-doc:${docId}`);
  return assigned ? JSON.parse(assigned) : null;
}

async function assignSessionWorker(docId: string) {
  const lock = await redlock.acquire([`session-lock:${docId}`], 5000);
  try {
    const assigned = await readAssignment(docId);
    if (assigned) return assigned;
    const worker = await pickWorker();
    await redis.set(`session-doc:${docId}`, JSON.stringify(worker));
    return worker;
  } finally {
    await lock.release();
  }
}

async function pickWorker() {
  const id = await redis.srandmember('workers-available');
  return redis.hgetall(`worker:${id}`);
}

// a copy of a row, filled under a lock so that one request loads it: still a cache, and it never expires
async function getDocument(docId: string) {
  const lock = await redlock.acquire([`doc-lock:${docId}`], 5000);
  try {
    const hit = await redis.get(`document:${docId}`);
    if (hit) return JSON.parse(hit);
    const doc = await prisma.document.findUnique({ where: { id: docId } });
    await redis.set(`document:${docId}`, JSON.stringify(doc)); // expect: missing-ttl
    return doc;
  } finally {
    await lock.release();
  }
}

export const router = Router();
router.post('/docs/:id/open', async (req, res) => res.json(await assignWorker(req.params.id)));
router.post('/docs/:id/session', async (req, res) => res.json(await assignSessionWorker(req.params.id)));
router.get('/docs/:id', async (req, res) => res.json(await getDocument(req.params.id)));
