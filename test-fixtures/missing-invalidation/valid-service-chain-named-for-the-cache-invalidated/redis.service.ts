import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import { Redis } from 'ioredis';

// A facade over the client, with one named method per kind of entry.
@Injectable()
export class RedisService {
  constructor(@InjectRedis() private readonly redis: Redis) {}

  async get(key: string): Promise<string | null> {
    return this.redis.get(key);
  }

  async set(key: string, value: string, expiresIn?: number): Promise<void> {
    if (expiresIn) await this.redis.set(key, value, 'EX', expiresIn);
    else await this.redis.set(key, value);
  }

  async del(key: string): Promise<void> {
    await this.redis.del(key);
  }

  async getDictCache(dictType: string): Promise<string | null> {
    return this.get(`dict:data:${dictType}`);
  }

  async setDictCache(dictType: string, data: string): Promise<void> {
    await this.set(`dict:data:${dictType}`, data, 3600);
  }

  async removeDictCache(dictType: string): Promise<void> {
    await this.del(`dict:data:${dictType}`);
  }
}
