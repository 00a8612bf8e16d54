// The project's Redis facade: values are JSON text, the expiry comes from the options (or none).
import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

export interface CachingConfig {
  ttl?: number;
}

@Injectable()
export class CacheService {
  constructor(private readonly client: Redis) {}

  async get(key: string): Promise<string | null> {
    return this.client.get(key);
  }

  async set(key: string, value: string, options?: CachingConfig) {
    return this.client.set(key, value, 'EX', options?.ttl ?? 3600);
  }

  async del(key: string | string[]) {
    const keys = Array.isArray(key) ? key : [key];
    return this.client.del(keys);
  }
}
