import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL!);

// A memoising factory: each instance caches one loader's results under `memo:<name>:<id>`.
export function memoize<R>(name: string, load: (id: string) => Promise<R>, ttlSeconds: number) {
  const keyOf = (id: string) => `memo:${name}:${id}`;
  const cachedFn = async (id: string): Promise<R> => {
    const hit = await redis.get(keyOf(id));
    if (hit) return JSON.parse(hit) as R;
    const fresh = await load(id);
    await redis.set(keyOf(id), JSON.stringify(fresh), 'EX', ttlSeconds);
    return fresh;
  };
  cachedFn.clear = (id: string) => redis.del(keyOf(id));
  return cachedFn;
}
