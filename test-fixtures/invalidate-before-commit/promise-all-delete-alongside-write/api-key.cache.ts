import { Inject, Injectable } from '@nestjs/common';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import type { Cache } from 'cache-manager';
import type { ApiKey } from '@prisma/client';

@Injectable()
export class ApiKeyCache {
  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}

  get(key: string) {
    return this.cache.get<ApiKey>(`api-key:${key}`);
  }

  set(key: string, apiKey: ApiKey) {
    return this.cache.set(`api-key:${key}`, apiKey, 300_000);
  }

  del(key: string) {
    return this.cache.del(`api-key:${key}`);
  }
}
