import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL });

export async function cacheGet<T>(key: string): Promise<T | null> {
  const raw = await client.get(key);
  return raw ? (JSON.parse(raw) as T) : null;
}

export async function cacheSet(key: string, value: unknown): Promise<void> {
  // a facade: the key is the caller's, so is the finding (at each caller writing a cache key)
  await client.set(key, JSON.stringify(value));
}
