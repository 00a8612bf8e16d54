// The client is a field of an exported instance, assigned when the app starts.
import Redis from 'ioredis';

export class RedisDataSource {
  redisClient: Redis | undefined = undefined;

  async initialize() {
    this.redisClient = new Redis(process.env.REDIS_URL!);
  }
}

export const redisDataSource = new RedisDataSource();
