import { Injectable } from '@nestjs/common';
import { createClient } from 'redis';

export type RedisClientType = ReturnType<typeof createClient>;

@Injectable()
export class RedisService {
  private readonly redisClient: RedisClientType = createClient({ url: process.env.REDIS_URL });

  get client(): RedisClientType {
    return this.redisClient;
  }
}
