import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import type { Cache } from 'cache-manager';

@Injectable()
export class CacheService {
  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}
  async delete(key: string) { await this.cache.del(key); }
  async wrapCache<T>(key: string, fn: () => Promise<T>, ttl?: number) { return this.cache.wrap(key, fn, ttl); }
}
