import IORedis from 'ioredis';
export let connection: IORedis | null = null;
export const REDIS_PREFIX = process.env.P ? `${process.env.P}:` : '';
export function redisKey(key: string): string {
  return `${REDIS_PREFIX}${key}`;
}
export const getRedis = () => {
  if (!connection) connection = new IORedis('');
  return connection;
};
