// The string enum's members are built from a prefix constant; the publish path deletes the feed
// with a dash where the enum, and every read, has an underscore: the delete clears nothing.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { CacheKeys } from './cache.constant';

const redis = new Redis();
const prisma = new PrismaClient();

export async function rssXml() {
  const hit = await redis.get(CacheKeys.RSSXml);
  if (hit) return hit;
  const posts = await prisma.post.findMany({ take: 20 });
  const xml = JSON.stringify(posts);
  await redis.set(CacheKeys.RSSXml, xml, 'EX', 3600);
  return xml;
}

export async function publish(title: string, body: string) {
  const post = await prisma.post.create({ data: { title, body } });
  await redis.del(`mx-api-cache:rss_xml`); // expect: key-drift
  return post;
}
