// A base class for per-entity caches: the JSON read lives here, the subclasses build the keys.
import Redis from 'ioredis';

export abstract class BaseCache {
  constructor(protected readonly client: Redis) {}

  protected async readJson<T>(key: string): Promise<T | null> {
    const raw = await this.client.get(key);
    return raw ? (JSON.parse(raw) as T) : null;
  }
}
