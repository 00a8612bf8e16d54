import Redis from 'ioredis';

const client = new Redis(process.env.REDIS_URL!);

export async function redisGet(key: string) {
  return client.get(key);
}

export async function redisSet(key: string, value: string) {
  return client.set(key, value);
}

export async function redisDel(key: string) {
  return client.del(key);
}
