// valid: a Redis facade whose TTL is optional (callers above always end up passing one)
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class RedisService {
  constructor(private readonly client: Redis) {}

  async get(key: string) {
    const v = await this.client.get(key);
    return v ? JSON.parse(v) : null;
  }

  async set(key: string, value: unknown, ttl?: number) {
    if (ttl) return this.client.set(key, JSON.stringify(value), 'EX', ttl);
    return this.client.set(key, JSON.stringify(value));
  }
}
