import { getRedisInstance } from './redisConnector';

export const settingCheck = async (name: string): Promise<string | null> => {
  const redis = await getRedisInstance();
  return redis.get(`setting:${name}`);
};

export const settingPut = async (name: string, value: string): Promise<void> => {
  const redis = await getRedisInstance();
  await redis.setex(`setting:${name}`, 60, value);
};
