import Redis from 'ioredis';

let redisConnection: Redis | null = null;

export const getRedisInstance = async (): Promise<Redis> => {
  if (!redisConnection) redisConnection = new Redis(process.env.REDIS_URL!);
  return redisConnection;
};
