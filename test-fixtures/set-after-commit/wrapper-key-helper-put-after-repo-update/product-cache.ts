import Redis from 'ioredis';

/** Builds the key inside; the TTL is the caller's choice. */
export class ProductCache {
  constructor(private readonly redis: Redis) {}

  private key(id: string) {
    return `product:${id}`;
  }

  get(id: string) {
    return this.redis.get(this.key(id));
  }

  put(id: string, v: string, ttl?: number) {
    return ttl ? this.redis.set(this.key(id), v, 'EX', ttl) : this.redis.set(this.key(id), v);
  }

  evict(id: string) {
    return this.redis.del(this.key(id));
  }
}
