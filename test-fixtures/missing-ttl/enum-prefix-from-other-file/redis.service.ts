// The usual NestJS facade over ioredis: callers choose the key and whether it expires.
import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';

@Injectable()
export class RedisService {
  constructor(@InjectRedis() private readonly client: Redis) {}

  async get(key: string) {
    const raw = await this.client.get(key);
    return raw ? JSON.parse(raw) : null;
  }

  async set(key: string, val: unknown, ttl?: number) {
    const data = JSON.stringify(val);
    return ttl ? this.client.set(key, data, 'EX', ttl) : this.client.set(key, data);
  }

  async del(key: string) {
    return this.client.del(key);
  }
}
