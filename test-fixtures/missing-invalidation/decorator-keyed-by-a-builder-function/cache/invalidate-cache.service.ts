// Invalidation goes through here: the caller passes the key its builder made.
import { Injectable } from '@nestjs/common';
import { CacheService } from './cache.service';

@Injectable()
export class InvalidateCacheService {
  constructor(private readonly cacheService: CacheService) {}

  async invalidateByKey({ key }: { key: string }) {
    await this.cacheService.del(key);
  }
}
