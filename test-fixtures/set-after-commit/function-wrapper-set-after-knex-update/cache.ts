// Tiny function wrappers around the shared node-redis client, with the JSON encoding in one place.
import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error('redis', err));

export async function cacheGet<T>(key: string): Promise<T | null> {
  const raw = await client.get(key);
  return raw === null ? null : (JSON.parse(raw) as T);
}

export async function cacheSet(key: string, value: unknown, ttlSeconds = 300): Promise<void> {
  await client.set(key, JSON.stringify(value), { EX: ttlSeconds });
}

export async function cacheDel(key: string): Promise<void> {
  await client.del(key);
}
