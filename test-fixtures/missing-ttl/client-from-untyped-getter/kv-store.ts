import { getSharedRedis } from './shared-redis';

// A facade over the shared client, reached through an untyped getter; callers choose the TTL.
export class KvStore {
  private get redis() {
    return getSharedRedis();
  }

  async read(key: string): Promise<string | null> {
    return this.redis.get(`kv:${key}`);
  }

  async put(key: string, value: string, ttl?: number) {
    if (ttl) await this.redis.set(`kv:${key}`, value, 'EX', ttl);
    else await this.redis.set(`kv:${key}`, value);
  }
}
