// Upstash-backed helpers shared by the route handlers.
import { Redis } from '@upstash/redis';

const redis = Redis.fromEnv();

export async function readCached<T>(key: string): Promise<T | null> {
  return redis.get<T>(key);
}

export async function writeCached(key: string, value: unknown, ttlSeconds = 120): Promise<void> {
  await redis.set(key, value, { ex: ttlSeconds });
}

export async function evictCached(key: string): Promise<void> {
  await redis.del(key);
}
