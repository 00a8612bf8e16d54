// A cache service whose read-through takes an options object and destructures it in its body.
import { Injectable } from '@nestjs/common';
import { Cacheable } from 'cacheable';

@Injectable()
export class CacheService {
  constructor(private readonly cache: Cacheable) {}

  async delete(key: string): Promise<void> {
    await this.cache.delete(key);
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.cache.get<T>(key);
  }

  async set<T>(key: string, value: T, ttl?: number): Promise<void> {
    await this.cache.set(key, value, ttl);
  }

  async wrapCache<T>(options: { key: string; fn: () => Promise<T>; ttl?: number }): Promise<T | undefined> {
    const { key, fn, ttl } = options;
    const cached = await this.cache.get<T>(key);
    if (cached) return cached;
    const recent = await fn();
    if (recent) await this.cache.set<T>(key, recent, ttl);
    return recent;
  }
}
