// A JSON-over-Redis cache with a TTL on every write; services get it injected instead of the raw client.
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class AppCache {
  constructor(private readonly client: Redis) {}

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.client.get(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set(key: string, value: unknown, ttlSeconds = 3600): Promise<void> {
    await this.client.set(key, JSON.stringify(value), 'EX', ttlSeconds);
  }

  async invalidate(key: string): Promise<void> {
    await this.client.del(key);
  }
}
