import { redis } from './client';

export async function writeCache(key: string, value: unknown, seconds: number): Promise<void> {
  await redis.set(key, JSON.stringify(value), 'EX', seconds);
}
