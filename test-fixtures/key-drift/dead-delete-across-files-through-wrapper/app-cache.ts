import { createClient, type RedisClientType } from 'redis';

export class AppCache {
  private readonly client: RedisClientType = createClient({ url: process.env.REDIS_URL });

  async read<T>(key: string): Promise<T | null> {
    const raw = await this.client.get(key);
    return raw ? (JSON.parse(raw) as T) : null;
  }

  async write(key: string, value: unknown, ttlSeconds = 600): Promise<void> {
    await this.client.set(key, JSON.stringify(value), { EX: ttlSeconds });
  }

  async drop(key: string): Promise<void> {
    await this.client.del(key);
  }
}

export const appCache = new AppCache();
