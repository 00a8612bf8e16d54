import { Hono } from 'hono';
import { PrismaClient } from '@prisma/client';
import { redis } from './clients';

const prisma = new PrismaClient();

export async function pageBySlug(slug: string) {
  const hit = await redis.get(`page:${slug}`);
  if (hit) return hit;
  const page = await prisma.page.findUnique({ where: { slug } });
  await redis.set(`page:${slug}`, page); // expect: missing-ttl
  return page;
}

export async function monitorById(id: string) {
  const hit = await redis.get(`monitor:${id}`);
  if (hit) return hit;
  const monitor = await prisma.monitor.findUnique({ where: { id } });
  await redis.set(`monitor:${id}`, monitor, { ex: 60 });
  return monitor;
}

export const app = new Hono();
app.get('/pages/:slug', async (c) => c.json(await pageBySlug(c.req.param('slug'))));
app.get('/monitors/:id', async (c) => c.json(await monitorById(c.req.param('id'))));
