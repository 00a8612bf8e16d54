import { getRedisCache, type Redis } from './redis';

// Look-alike: the same client, used as a buffer (pushed, read in batches, trimmed): no cache, no TTL owed.
export class EventBuffer {
  private redis: Redis;
  private readonly listKey = 'events:buffer';

  constructor() {
    this.redis = getRedisCache();
  }

  async add(event: { name: string }) {
    await this.redis.rpush(this.listKey, JSON.stringify(event));
  }

  async flush(write: (rows: unknown[]) => Promise<void>) {
    const raw = await this.redis.lrange(this.listKey, 0, 999);
    await write(raw.map((r) => JSON.parse(r)));
    await this.redis.ltrim(this.listKey, raw.length, -1);
  }
}
