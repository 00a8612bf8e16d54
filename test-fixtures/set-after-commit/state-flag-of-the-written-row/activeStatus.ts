import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL!);
const expiry = () => Math.floor(Math.random() * 300 + 300);

export const activeStatusCheck = async (userId: string): Promise<boolean | null> => {
  const value = await redis.get(`auth:active:${userId}`);
  if (value) return value === '1';
  return null;
};

export const activeStatusUpdate = async (userId: string, status: boolean): Promise<void> => {
  await redis.setex(`auth:active:${userId}`, expiry(), status ? '1' : '0');
};
