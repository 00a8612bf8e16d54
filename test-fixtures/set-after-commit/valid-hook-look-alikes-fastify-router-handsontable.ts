// valid: `addHook`, `post`, `pre` and `afterUpdate` on things that are no ORM model or schema
// (a Fastify app, an Express router, a spreadsheet widget) register no database hook
import Fastify from 'fastify';
import { Router } from 'express';
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();
const app = Fastify();
const router = Router();

app.addHook('onSend', async (req: any) => {
  await redis.set(`user:${req.user.id}`, JSON.stringify(req.user), 'EX', 60);
});

router.post('/users/:id', async (req, res) => {
  await redis.set(`user:${req.params.id}`, JSON.stringify(req.body), 'EX', 60);
  res.sendStatus(204);
});

export function attach(hot: { addHook(name: string, fn: (changes: any) => void): void; afterUpdate(fn: () => void): void }, user: { id: string }) {
  hot.addHook('afterChange', () => redis.set(`user:${user.id}`, JSON.stringify(user), 'EX', 60));
  hot.afterUpdate(() => redis.set(`user:${user.id}`, JSON.stringify(user), 'EX', 60));
}

export async function user(id: string) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  return prisma.user.findUnique({ where: { id } });
}
