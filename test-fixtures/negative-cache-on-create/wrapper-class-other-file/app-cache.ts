import Redis from 'ioredis';

export const NULL_MARKER = '__null__';

/** Thin JSON wrapper over ioredis: every write has a TTL. */
export class AppCache {
  constructor(private readonly client: Redis) {}

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.client.get(key);
    return raw === null ? undefined : (raw as T);
  }

  async put(key: string, value: string, ttlSeconds = 300): Promise<void> {
    await this.client.set(key, value, 'EX', ttlSeconds);
  }

  async drop(key: string): Promise<void> {
    await this.client.del(key);
  }
}

export const appCache = new AppCache(new Redis());
