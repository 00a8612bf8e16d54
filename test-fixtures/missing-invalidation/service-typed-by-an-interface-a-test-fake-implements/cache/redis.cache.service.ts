import { Inject, Injectable } from '@nestjs/common';
import type { RedisClientType } from 'redis';
import { ICacheService } from './cache.service.interface';

@Injectable()
export class RedisCacheService implements ICacheService {
  constructor(@Inject('RedisClient') private readonly client: RedisClientType) {}

  async readJson<T>(key: string): Promise<T | null> {
    const raw = await this.client.get(key);
    return raw ? (JSON.parse(raw) as T) : null;
  }

  async writeJson(key: string, value: unknown, expireTimeSeconds: number): Promise<void> {
    await this.client.set(key, JSON.stringify(value), { EX: expireTimeSeconds });
  }

  async deleteByKey(key: string): Promise<number> {
    return this.client.unlink(key);
  }
}
