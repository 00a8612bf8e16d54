import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class CacheService {
  private readonly redis = new Redis();

  get(key: string) {
    return this.redis.get(key);
  }

  set(key: string, value: string, seconds: number) {
    return this.redis.set(key, value, 'EX', seconds);
  }

  /** Deletes every key the pattern matches (DEL alone takes names). */
  async delByPattern(pattern: string): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 100);
      cursor = next;
      if (keys.length > 0) await this.redis.del(...keys);
    } while (cursor !== '0');
  }
}
