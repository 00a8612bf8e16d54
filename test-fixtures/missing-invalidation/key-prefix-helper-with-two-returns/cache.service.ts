import Redis from 'ioredis';

export class CacheService {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  async get(key: string): Promise<string | null> {
    return this.redis.get(this.prefixed(key));
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefixed(key), value, 'EX', ttlSeconds);
  }

  async deleteByKey(key: string): Promise<void> {
    await this.redis.unlink(this.prefixed(key));
  }

  // no prefix configured: the key as it is
  private prefixed(key: string): string {
    if (this.keyPrefix.length === 0) return key;
    return `${this.keyPrefix}-${key}`;
  }
}
