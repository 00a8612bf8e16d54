// One client for the process, created on first use.
import Redis from 'ioredis';

let shared: Redis | null = null;

export function getSharedRedis(): Redis {
  if (!shared) shared = new Redis(process.env.REDIS_URL!);
  return shared;
}
