import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class RedisCacheService {
  constructor(private readonly redis: Redis) {}
  public async setCacheObject<T>(key: string, value: T): Promise<void> {
    await this.redis.set(key, JSON.stringify(value), 'EX', 3600);
  }
  public async getCacheObject<T>(key: string): Promise<T | null> {
    const data = await this.redis.get(key);
    return data ? JSON.parse(data) : null;
  }
  public async deleteObject(key: string): Promise<void> {
    await this.redis.del(key);
  }
}
