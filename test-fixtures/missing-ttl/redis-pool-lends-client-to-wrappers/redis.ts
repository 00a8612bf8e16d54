import { IORedisPool, IORedisPoolOptions } from 'ts-ioredis-pool';

export const ioRedisPool = new IORedisPool(IORedisPoolOptions.fromUrl(process.env.REDIS_URL!));

export const setRedisObject = (key: string, value: string) => ioRedisPool.execute((client) => client.set(key, value));

export const setRedisObjectWithExpiry = (key: string, value: string, seconds: number) =>
  ioRedisPool.execute((client) => client.set(key, value, 'EX', seconds));

export const getRedisObject = (key: string) => ioRedisPool.execute((client) => client.get(key));
