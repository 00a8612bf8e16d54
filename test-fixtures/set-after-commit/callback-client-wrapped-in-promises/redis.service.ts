import * as redis from 'redis';

export enum CACHE_KEY {
  REPOSITORY_GET = 'REPOSITORY_GET',
}

// node-redis 3: callbacks, wrapped in promises by hand
export default class RedisService {
  private static client: redis.RedisClient = redis.createClient({ host: process.env.REDIS_HOST });

  public static getCache(key: CACHE_KEY, id: number): Promise<string | null> {
    let cacheKey = `${key}:${id}`;
    return new Promise((resolve, reject) => {
      RedisService.client.get(cacheKey, (error, value) => (error ? reject(error) : resolve(value)));
    });
  }

  public static setCache(key: CACHE_KEY, value: string, id: number): Promise<boolean> {
    let cacheKey = `${key}:${id}`;
    return new Promise((resolve) => {
      RedisService.client.set(cacheKey, value, 'EX', 600, () => resolve(true));
    });
  }

  public static delCache(key: CACHE_KEY, id: number): Promise<boolean> {
    let cacheKey = `${key}:${id}`;
    return new Promise((resolve) => RedisService.client.del(cacheKey, () => resolve(true)));
  }
}
