import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

/** The project's cache service: it builds the user key itself. */
@Injectable()
export class UserCacheService {
  constructor(private readonly redis: Redis) {}

  async get(id: string): Promise<unknown | null> {
    const raw = await this.redis.get(`user:${id}`);
    return raw ? JSON.parse(raw) : null;
  }

  async put(id: string, user: unknown) {
    await this.redis.set(`user:${id}`, JSON.stringify(user), 'EX', 600);
  }

  async evict(id: string) {
    await this.redis.del(`user:${id}`);
  }
}
