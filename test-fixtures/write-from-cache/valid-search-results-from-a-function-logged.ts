// valid: the cached map holds what a search function returns (it reads no table): the crawl row
// saved from it mirrors the search engine, no older copy of a row written back
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

async function searchEngineMap(url: string): Promise<{ title: string; hits: number }> {
  const res = await fetch(`https://search.example.com/map?url=${encodeURIComponent(url)}`);
  return (await res.json()) as { title: string; hits: number };
}

async function mapOf(url: string) {
  const hit = await redis.get(`siteMap:${url}`);
  if (hit) return JSON.parse(hit);
  const map = await searchEngineMap(url);
  await redis.set(`siteMap:${url}`, JSON.stringify(map), 'EX', 172800);
  return map;
}

export async function record(url: string) {
  const map = await mapOf(url);
  await prisma.siteMap.update({ where: { url }, data: { hits: map.hits + 1 } });
}
