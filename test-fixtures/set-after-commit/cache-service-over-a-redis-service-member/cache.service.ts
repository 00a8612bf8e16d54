import { Injectable } from '@nestjs/common';
import { RedisService } from './redis.service';

// the application's cache, over the client the Redis service holds
@Injectable()
export class CacheService {
  constructor(private readonly redisService: RedisService) {}

  get(key: string) {
    return this.redisService.client.get(key);
  }

  set(key: string, value: string, ttlSeconds: number) {
    return this.redisService.client.set(key, value, { EX: ttlSeconds });
  }

  delete(key: string) {
    return this.redisService.client.del(key);
  }
}
