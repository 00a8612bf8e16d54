import type { RedisClientType } from 'redis';

/** A project cache class: every key is prefixed with the cache's name, set in the constructor. */
export class NamedCache {
  private readonly directory: string;

  constructor(public readonly name: string, private readonly client: RedisClientType) {
    this.directory = `cache_${name}`;
  }

  private full(key: string) {
    return `${this.directory}:${key}`;
  }

  async get(key: string): Promise<string | null> {
    return this.client.get(this.full(key));
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.client.setEx(this.full(key), ttlSeconds, value);
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.full(key));
  }
}
