// valid: a wrapper over ioredis; it writes with a TTL and deletes through `forget`
import Redis from 'ioredis';

export class CacheService {
  private readonly redis = new Redis(process.env.REDIS_URL!);

  async read(key: string): Promise<string | null> {
    return this.redis.get(key);
  }

  async store(key: string, value: string, ttlSeconds = 60): Promise<void> {
    await this.redis.set(key, value, 'EX', ttlSeconds);
  }

  async forget(key: string): Promise<void> {
    await this.redis.del(key);
  }
}

export const cacheService = new CacheService();
