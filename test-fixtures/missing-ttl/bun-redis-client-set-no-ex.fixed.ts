// Bun's built-in Redis client takes ioredis-style flags: the fix adds 'EX', 300.
import { RedisClient } from 'bun';
import { sql } from 'bun';

const redis = new RedisClient(process.env.REDIS_URL);

export async function article(slug: string) {
  const hit = await redis.get(`article:${slug}`);
  if (hit) return JSON.parse(hit);
  const [row] = await sql`SELECT * FROM articles WHERE slug = ${slug}`;
  await redis.set(`article:${slug}`, JSON.stringify(row), 'EX', 300); // expect: missing-ttl
  return row;
}
