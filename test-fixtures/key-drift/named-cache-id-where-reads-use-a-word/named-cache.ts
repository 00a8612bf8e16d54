import type { RedisClientType } from 'redis';

/** Every key is `cache_<name>:<key>`, the name given to the constructor. */
export class NamedCache {
  private readonly prefixer: (key: string) => string;

  constructor(public readonly name: string, private readonly client: RedisClientType) {
    const directory = `cache_${name}`;
    this.prefixer = (key: string) => `${directory}:${key}`;
  }

  async get(key: string): Promise<string | null> {
    return this.client.get(this.prefixer(key));
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds !== undefined) await this.client.setEx(this.prefixer(key), ttlSeconds, value);
    else await this.client.set(this.prefixer(key), value);
  }

  async delete(key: string): Promise<number> {
    return this.client.del(this.prefixer(key));
  }
}
