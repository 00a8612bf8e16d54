// The app's Redis client: a small class over node-redis, exported with a flag as one object.
import { createClient, type RedisClientType } from 'redis';

export const DEFAULT_TTL = 3600;

class AppRedisClient {
  client: RedisClientType;

  constructor(url: string) {
    this.client = createClient({ url }) as RedisClientType;
  }

  async get(key: string) {
    const data = await this.client.get(key);
    return data ? JSON.parse(data) : null;
  }

  async set(key: string, value: unknown, time?: number) {
    return this.client.set(key, JSON.stringify(value), { EX: time && time > 0 ? time : DEFAULT_TTL });
  }

  async del(key: string) {
    return this.client.del(key);
  }
}

const client: AppRedisClient = (globalThis as any).redis || new AppRedisClient(process.env.REDIS_URL!);
const enabled = !!process.env.REDIS_URL;

export default { client, enabled };
