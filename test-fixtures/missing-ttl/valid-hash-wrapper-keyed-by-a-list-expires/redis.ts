// valid: the same list-keyed hash helpers, but the write sets an expiry on the joined key.
import { Redis } from 'ioredis';

export enum CKEY {
  PROJECT = 'PROJECT',
}

type CacheKey = CKEY | (CKEY | string)[];

export const redis = new Redis(process.env.REDIS_URL ?? '');

const genKey = (key: CacheKey) => (Array.isArray(key) ? key.join('_') : key);

export const hsetFor = async (key: CacheKey, value: Record<string, unknown>, seconds: number) => {
  const k = genKey(key);
  await redis.hset(k, value);
  await redis.expire(k, seconds);
};

export const hgetAll = async (key: CacheKey) => {
  const obj = await redis.hgetall(genKey(key));
  return Object.keys(obj).length ? obj : null;
};
