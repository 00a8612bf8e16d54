import Redis from 'ioredis';

// declared with its type, assigned in a try, exported by name at the end
let redis: Redis;
try {
  redis = new Redis(process.env.REDIS_URL!);
} catch (error) {
  console.error('redis unavailable', error);
}
export { redis };

export const ONE_MINUTE = 60;
export const DEFAULT_EXPIRY = ONE_MINUTE * 10;

export async function wrapRedis<T>(key: string, load: () => Promise<T>, seconds = DEFAULT_EXPIRY): Promise<T> {
  const cached = await redis.get(key);
  if (cached) return JSON.parse(cached);
  const fresh = await load();
  if (fresh) await redis.set(key, JSON.stringify(fresh), 'EX', seconds);
  return fresh;
}
