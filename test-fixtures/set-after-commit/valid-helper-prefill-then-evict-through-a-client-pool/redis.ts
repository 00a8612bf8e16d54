import { IORedisPool } from '@dailydotdev/ts-ioredis-pool';

export const ioRedisPool = new IORedisPool({ host: 'localhost', port: 6379 });

// each helper borrows a client from the pool for one command
export const getRedisObject = (key: string) => ioRedisPool.execute((client) => client.get(key));
export const setRedisObjectWithExpiry = (key: string, value: string, seconds: number) =>
  ioRedisPool.execute((client) => client.set(key, value, 'EX', Math.floor(seconds)));
export const deleteRedisKey = (key: string) => ioRedisPool.execute((client) => client.unlink(key));
