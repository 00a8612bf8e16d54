// The app's Redis client: `fetch` reads a key and, on a miss, runs the caller's loader and caches
// what it returns (the TTL is the caller's).
import Redis from 'ioredis';

class AppRedis {
  constructor(private readonly client: Redis) {}

  async get(key: string) {
    const raw = await this.client.get(key);
    return raw ? JSON.parse(raw) : null;
  }

  async set(key: string, value: unknown, seconds?: number) {
    const raw = JSON.stringify(value);
    return seconds ? this.client.set(key, raw, 'EX', seconds) : this.client.set(key, raw);
  }

  async del(key: string) {
    return this.client.del(key);
  }

  async fetch(key: string, query: () => Promise<unknown>, seconds?: number) {
    const hit = await this.get(key);
    if (hit) return hit;
    const data = await query();
    if (data) await this.set(key, data, seconds);
    return data;
  }
}

export const redis = new AppRedis(new Redis(process.env.REDIS_URL ?? ''));
