// valid: Drizzle's `.update(t).set({...})` is a query builder, and the cache delete uses the read shape
import { Redis } from '@upstash/redis';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { posts } from './schema';

const redis = Redis.fromEnv();
const postKey = (slug: string) => `post:${slug}`;

export async function getPost(slug: string) {
  const cached = await redis.get(postKey(slug));
  if (cached) return cached;
  const [post] = await db.select().from(posts).where(eq(posts.slug, slug));
  if (post) await redis.set(postKey(slug), post, { ex: 600 });
  return post ?? null;
}

export async function editPost(slug: string, title: string) {
  await db.update(posts).set({ title, updatedAt: new Date() }).where(eq(posts.slug, slug));
  await redis.del(`post:${slug}`);
}
