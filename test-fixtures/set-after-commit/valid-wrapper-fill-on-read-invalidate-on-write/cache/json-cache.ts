// valid: a JSON cache wrapper over ioredis; every write carries a TTL
import Redis from 'ioredis';

export class JsonCache {
  constructor(private readonly redis: Redis) {}

  async read<T>(key: string): Promise<T | null> {
    const raw = await this.redis.get(key);
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  async write(key: string, value: unknown, ttlSeconds = 600): Promise<void> {
    await this.redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);
  }

  async drop(key: string): Promise<void> {
    await this.redis.del(key);
  }
}
