// config: {"missingTtl": "all-writes"}
// valid: a facade's own calls are its callers' to judge; every caller here expires what it writes
import Redis from 'ioredis';

export class Kv {
  constructor(private readonly c: Redis) {}

  put(k: string, v: string, ttl?: number) {
    return ttl ? this.c.set(k, v, 'EX', ttl) : this.c.set(k, v);
  }

  push(k: string, ...v: string[]) {
    return this.c.rpush(k, ...v);
  }

  expire(k: string, s: number) {
    return this.c.expire(k, s);
  }

  /** nobody calls this pass-through: nothing to report in it either */
  hput(k: string, field: string, v: string) {
    return this.c.hset(k, field, v);
  }
}
