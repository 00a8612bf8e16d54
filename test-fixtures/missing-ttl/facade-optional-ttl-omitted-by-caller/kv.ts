// A generic facade over ioredis: the caller chooses the key and whether to expire it, so nothing
// is reported in here; a caller that writes a cache key and leaves `ttl` out is.
import Redis from 'ioredis';

export class Kv {
  constructor(private readonly c: Redis) {}

  put(k: string, v: string, ttl?: number) {
    return ttl ? this.c.set(k, v, 'EX', ttl) : this.c.set(k, v);
  }

  get(k: string) {
    return this.c.get(k);
  }

  push(k: string, ...v: string[]) {
    return this.c.rpush(k, ...v);
  }

  expire(k: string, s: number) {
    return this.c.expire(k, s);
  }

  drop(k: string) {
    return this.c.del(k);
  }
}
