// The client type the project passes around: ioredis, augmented with a command of its own.
import Redis from 'ioredis';

export type AugmentedRedis = Redis & { mhgetall(keys: string[]): Promise<Record<string, string>[]> };

export function createRedis(url: string): AugmentedRedis {
  return new Redis(url) as AugmentedRedis;
}
