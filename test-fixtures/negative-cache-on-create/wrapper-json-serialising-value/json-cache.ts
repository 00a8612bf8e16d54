import Redis from 'ioredis';

/** Stores JSON: callers pass plain values and get them back parsed. */
export class JsonCache {
  constructor(private readonly redis: Redis) {}

  async read<T>(key: string): Promise<T | undefined> {
    const raw = await this.redis.get(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async write(key: string, value: unknown, ttlSeconds = 300): Promise<void> {
    await this.redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);
  }

  async remove(key: string): Promise<void> {
    await this.redis.del(key);
  }
}

export const jsonCache = new JsonCache(new Redis());
