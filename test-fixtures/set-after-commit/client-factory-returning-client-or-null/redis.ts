import Redis, { Cluster, type RedisOptions } from 'ioredis';
import { connectWithRetry } from './connect-with-retry';

// a client, or none when Redis is not configured (the declared type says which library)
export const createRedisInstance = (options: Partial<RedisOptions> = {}): Redis | Cluster | null => connectWithRetry(options);

const createRedisClient = () => {
  try {
    return createRedisInstance({ keyPrefix: process.env.REDIS_PREFIX });
  } catch {
    return null;
  }
};

declare global {
  // eslint-disable-next-line no-var
  var redis: undefined | ReturnType<typeof createRedisClient>;
}

export const redis = globalThis.redis ?? createRedisClient();

// a second store, or none when its URL is not set
export const tagsRedis = process.env.TAGS_REDIS_URL ? new Redis(process.env.TAGS_REDIS_URL) : null;
