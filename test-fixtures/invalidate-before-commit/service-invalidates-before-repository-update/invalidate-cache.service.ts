import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class InvalidateCacheService {
  constructor(private readonly redis: Redis) {}

  async invalidateByKey({ key }: { key: string }) {
    await this.redis.del(key);
  }
}

export function buildSubscriberKey({ subscriberId, environmentId }: { subscriberId: string; environmentId: string }) {
  return `subscriber:${environmentId}:${subscriberId}`;
}
