import { Injectable } from '@nestjs/common';
import { RedisService } from './redis.service';

// The dictionary's own cache: none of its methods is named like a cache verb of the client.
@Injectable()
export class DictCacheService {
  constructor(private readonly redisService: RedisService) {}

  async get(dictType: string): Promise<string[] | null> {
    const raw = await this.redisService.getDictCache(dictType);
    return raw ? (JSON.parse(raw) as string[]) : null;
  }

  async set(dictType: string, labels: string[]): Promise<void> {
    await this.redisService.setDictCache(dictType, JSON.stringify(labels));
  }

  async invalidateByType(dictType: string): Promise<void> {
    await this.redisService.removeDictCache(dictType);
  }
}
