// A JSON-over-Redis cache with a TTL on every write. Services get it injected instead of the raw
// client so that nobody can forget the expiry or the serialisation format.
import Redis from 'ioredis';

export class AppCache {
  constructor(private readonly client: Redis) {}

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.client.get(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set(key: string, value: unknown, ttlSeconds = 3600): Promise<void> {
    await this.client.set(key, JSON.stringify(value), 'EX', ttlSeconds);
  }

  async del(key: string): Promise<void> {
    await this.client.del(key);
  }
}
