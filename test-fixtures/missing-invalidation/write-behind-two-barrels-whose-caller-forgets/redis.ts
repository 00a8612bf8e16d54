// The project's Redis helpers: a key is one string or a list of its parts joined with '_'.
import { Redis } from 'ioredis';

export enum CKEY {
  TASK_QUERY = 'TASK_QUERY',
}

type CacheKey = CKEY | (CKEY | string)[];

export const redis = new Redis(process.env.REDIS_URL ?? '');

const genKey = (key: CacheKey) => (Array.isArray(key) ? key.join('_') : key);

export const getJSONCache = async (key: CacheKey) => {
  const value = await redis.get(genKey(key));
  return value ? JSON.parse(value) : null;
};

export const setJSONCache = async (key: CacheKey, value: unknown, expired?: number) => {
  const cacheKey = genKey(key);
  await redis.set(cacheKey, JSON.stringify(value));
  await redis.expire(cacheKey, expired || 3600);
};

export const findCache = async (key: CacheKey, exact = false) => {
  try {
    const pattern = genKey(key) + (exact ? '' : '*');
    const found = await redis.keys(pattern);
    return found;
  } catch (error) {
    console.log('find cache key error', error);
    return [];
  }
};

export const findNDelCaches = async (key: CacheKey) => {
  const keys = await findCache(key);
  if (!keys.length) return;
  const pipeline = redis.pipeline();
  keys.forEach((k) => {
    pipeline.del(k);
  });
  await pipeline.exec();
};
