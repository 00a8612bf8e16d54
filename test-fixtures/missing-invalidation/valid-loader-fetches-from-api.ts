// The cache holds a link's preview fetched from the target site, not the link row: updating the
// link row leaves no copy of it stale (the preview expires on its own).
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

async function fetchPreview(url: string) {
  const res = await fetch(`https://preview.example.com/?url=${encodeURIComponent(url)}`);
  return res.json();
}

async function cached<T>(key: string, load: () => Promise<T>, seconds: number): Promise<T> {
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit) as T;
  const value = await load();
  await redis.set(key, JSON.stringify(value), 'EX', seconds);
  return value;
}

export async function linkPreview(slug: string, url: string) {
  return cached(`link:preview:${slug}`, () => fetchPreview(url), 600);
}

export async function renameLink(id: string, slug: string) {
  await prisma.link.update({ where: { id }, data: { slug } });
}
