// valid: helpers that drop cache entries by pattern (keys unknown to the analyser)
import Redis from 'ioredis';

const redis = new Redis();

export async function bustCache(pattern: string): Promise<void> {
  const stream = redis.scanStream({ match: pattern, count: 100 });
  for await (const keys of stream) if ((keys as string[]).length) await redis.unlink(...(keys as string[]));
}

export async function cachedJson<T>(key: string, ttlSeconds: number, load: () => Promise<T | null>): Promise<T | null> {
  const raw = await redis.get(key);
  if (raw !== null) return JSON.parse(raw) as T | null;
  const value = await load();
  await redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);
  return value;
}
