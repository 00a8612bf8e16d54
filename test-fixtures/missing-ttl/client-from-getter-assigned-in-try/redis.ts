// The client is optional: created when REDIS_URL is set and reachable, reached through a getter.
import Redis from 'ioredis';

let redis: Redis | null = null;
try {
  if (process.env.REDIS_URL) redis = new Redis(process.env.REDIS_URL, { lazyConnect: true });
} catch {
  redis = null;
}

export function getRedis() {
  return redis;
}
