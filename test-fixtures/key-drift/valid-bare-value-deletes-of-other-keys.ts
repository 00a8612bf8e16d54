// valid: bare-value deletes that are no dropped prefix. The image cache keeps the bytes under the
// key itself and the content type beside it, and deletes both; the tools cache is another store
// than the one whose reads prefix the user id.
import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';

const redis = new Redis();
const toolsCache = new LRUCache<string, string[]>({ max: 100, ttl: 60_000 });

export async function image(key: string) {
  const [bytes, type] = await Promise.all([redis.getBuffer(key), redis.get(`${key}:ctype`)]);
  return bytes && type ? { bytes, type } : null;
}

export async function purgeImages(keys: string[]) {
  for (const key of keys) {
    await redis.del(key);
    await redis.del(`${key}:ctype`);
  }
}

export async function toolkits(userId: string) {
  const hit = await redis.get(`connectors:toolkits:${userId}`);
  return hit ? JSON.parse(hit) : null;
}

export function forgetTools(userId: string) {
  toolsCache.delete(userId);
}
