import type { Redis } from 'ioredis';

// Each instance caches one kind of entry and is given, when built, the loader that fills a miss.
export class LoadingCache<T> {
  private readonly fetcher: (id: string) => Promise<T>;

  constructor(
    private readonly redis: Redis,
    private readonly kind: string,
    opts: { ttlSeconds: number; fetcher: (id: string) => Promise<T> },
  ) {
    this.fetcher = opts.fetcher;
    this.ttl = opts.ttlSeconds;
  }

  private readonly ttl: number;

  async get(id: string): Promise<T> {
    const raw = await this.redis.get(`lc:${this.kind}:${id}`);
    if (raw !== null) return JSON.parse(raw) as T;
    const value = await this.fetcher(id);
    await this.redis.set(`lc:${this.kind}:${id}`, JSON.stringify(value), 'EX', this.ttl);
    return value;
  }

  async forget(id: string): Promise<void> {
    await this.redis.del(`lc:${this.kind}:${id}`);
  }
}
