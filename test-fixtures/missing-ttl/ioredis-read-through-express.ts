import express from 'express';
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const app = express();
const prisma = new PrismaClient();
const redis = new Redis({ host: '127.0.0.1', port: 6379, keyPrefix: 'shop:' });

app.get('/categories/:slug', async (req, res) => {
  const key = `category:${req.params.slug}`;
  const hit = await redis.get(key);
  if (hit) {
    res.set('X-Cache', 'HIT');
    return res.json(JSON.parse(hit));
  }
  const category = await prisma.category.findUnique({ where: { slug: req.params.slug }, include: { products: true } });
  if (!category) return res.sendStatus(404);
  await redis.set(key, JSON.stringify(category)); // expect: missing-ttl
  res.set('X-Cache', 'MISS');
  return res.json(category);
});

export { app };
