// The project's Redis facade: the TTL (milliseconds) is optional, and without it nothing expires.
import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';

@Injectable()
export class RedisService {
  constructor(@InjectRedis() private readonly client: Redis) {}

  async get(key: string) {
    const data = await this.client.get(key);
    return data ? JSON.parse(data) : null;
  }

  async set(key: string, val: unknown, ttl?: number) {
    const data = JSON.stringify(val);
    if (!ttl) return this.client.set(key, data);
    return this.client.set(key, data, 'EX', ttl);
  }

  async del(key: string) {
    return this.client.del(key);
  }
}
