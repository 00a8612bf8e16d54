// A prefixed cache whose reads go through a private helper (single-flight, timing): the key the
// callers give reaches the client as the second argument of `executeGet`.
import Redis from 'ioredis';

const redis = new Redis();

export class RedisCache {
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly prefix: string,
    private readonly defaultTtl = 1800,
  ) {}

  private fullKey(key: string): string {
    return `${this.prefix}:${key}`;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const fullKey = this.fullKey(key);
    const pending = this.inflight.get(fullKey);
    if (pending) return pending as Promise<T | undefined>;
    const promise = this.executeGet<T>(key, fullKey);
    this.inflight.set(fullKey, promise);
    try {
      return await promise;
    } finally {
      this.inflight.delete(fullKey);
    }
  }

  private async executeGet<T>(key: string, fullKey: string): Promise<T | undefined> {
    const started = Date.now();
    const raw = await redis.get(fullKey);
    if (Date.now() - started > 50) console.warn('slow GET', key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  }

  async set(key: string, value: unknown, ttlSeconds?: number): Promise<void> {
    await redis.set(this.fullKey(key), JSON.stringify(value), 'EX', ttlSeconds ?? this.defaultTtl);
  }

  async delete(key: string): Promise<void> {
    await redis.del(this.fullKey(key));
  }
}
