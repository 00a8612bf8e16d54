// The project's Redis helpers take a key or a list of its parts, joined with '_' by genKey.
import { Redis } from 'ioredis';

export enum CKEY {
  USER = 'USER',
  PROJECT = 'PROJECT',
}

type CacheKey = CKEY | (CKEY | string)[];

export const redis = new Redis(process.env.REDIS_URL ?? '');

const genKey = (key: CacheKey) => {
  let cacheKey = '';
  if (Array.isArray(key)) {
    cacheKey = key.join('_');
  } else {
    cacheKey = key;
  }
  return cacheKey;
};

export const hset = async (key: CacheKey, value: Record<string, unknown>) => {
  await redis.hset(genKey(key), value);
};

export const hgetAll = async (key: CacheKey) => {
  const obj = await redis.hgetall(genKey(key));
  return Object.keys(obj).length ? obj : null;
};
