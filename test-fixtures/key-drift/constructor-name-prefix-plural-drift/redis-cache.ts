// A named cache over node-redis: every key is stored under `<name>:`.
import type { RedisClientType } from 'redis';

export class RedisCache {
  private readonly prefix: string;

  constructor(
    public readonly name: string,
    private readonly client: RedisClientType,
  ) {
    this.prefix = `${name}:`;
  }

  async get(key: string): Promise<string | null> {
    return this.client.get(this.prefix + key);
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds !== undefined) await this.client.setEx(this.prefix + key, ttlSeconds, value);
    else await this.client.set(this.prefix + key, value);
  }

  async delete(key: string): Promise<number> {
    return this.client.del(this.prefix + key);
  }
}
