// Thin helpers so handlers never touch the client: JSON in, JSON out, always with a TTL.
import Redis from 'ioredis';

const client = new Redis(process.env.REDIS_URL!);

export async function cacheGet<T>(key: string): Promise<T | null> {
  const raw = await client.get(key);
  return raw === null ? null : (JSON.parse(raw) as T);
}

export async function cachePut(key: string, value: unknown, ttlSeconds = 300): Promise<void> {
  await client.set(key, JSON.stringify(value), 'EX', ttlSeconds);
}

export async function cacheDrop(key: string): Promise<void> {
  await client.del(key);
}
