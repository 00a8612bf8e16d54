// The project's Redis facade: its delete takes one key or a list and spreads them into DEL.
import { Injectable } from '@nestjs/common';
import { InjectRedis } from '@nestjs-modules/ioredis';
import Redis from 'ioredis';

@Injectable()
export class RedisService {
  constructor(@InjectRedis() private readonly client: Redis) {}

  async get(key: string): Promise<string | null> {
    return this.client.get(key);
  }

  async set(key: string, value: string, seconds: number) {
    return this.client.set(key, value, 'EX', seconds);
  }

  async del(keys: string | string[]): Promise<number> {
    if (!keys) return 0;
    if (typeof keys === 'string') keys = [keys];
    return this.client.del(...keys);
  }
}
