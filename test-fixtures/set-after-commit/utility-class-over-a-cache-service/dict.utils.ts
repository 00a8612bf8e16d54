import { Injectable } from '@nestjs/common';
import { RedisCacheService } from './redis-cache.service';

// a utility class (no cache word in its name) that keys dictionary entries for the cache service
@Injectable()
export class DictUtils {
  constructor(private readonly redisCacheService: RedisCacheService) {}
  public async setDictCache(type: string, rows: unknown[]): Promise<void> {
    await this.redisCacheService.setCacheObject(this.cacheKey(type), rows);
  }
  public async getDictCache(type: string): Promise<unknown[] | null> {
    return this.redisCacheService.getCacheObject<unknown[]>(this.cacheKey(type));
  }
  public async removeDictCache(type: string): Promise<void> {
    await this.redisCacheService.deleteObject(this.cacheKey(type));
  }
  private cacheKey(type: string): string {
    return 'sys_dict:' + type;
  }
}
