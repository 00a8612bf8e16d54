// Helpers shared by the route handlers (plain JavaScript, ES modules).
import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL });

export async function remember(key, ttlSeconds, load) {
  const hit = await client.get(key);
  if (hit) return JSON.parse(hit);
  const value = await load();
  await client.set(key, JSON.stringify(value), { EX: ttlSeconds });
  return value;
}

export async function forget(key) {
  await client.del(key);
}
