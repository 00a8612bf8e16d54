// A generic key-value cache: each instance gets its name (the middle of its keys) from its constructor.
import Redis from 'ioredis';
export class RedisKVCache<T> {
  private readonly redisClient: Redis;
  private readonly name: string;
  private readonly lifetime: number;
  public readonly fetcher: (key: string) => Promise<T>;
  constructor(redisClient: Redis, name: string, opts: { lifetime: number; fetcher: (key: string) => Promise<T> }) {
    this.redisClient = redisClient;
    this.name = name;
    this.lifetime = opts.lifetime;
    this.fetcher = opts.fetcher;
  }
  public async set(key: string, value: T): Promise<void> {
    await this.redisClient.set(`kvcache:${this.name}:${key}`, JSON.stringify(value), 'EX', Math.round(this.lifetime / 1000));
  }
  public async get(key: string): Promise<T | undefined> {
    const cached = await this.redisClient.get(`kvcache:${this.name}:${key}`);
    if (cached == null) return undefined;
    return JSON.parse(cached);
  }
  public async delete(key: string): Promise<void> {
    await this.redisClient.del(`kvcache:${this.name}:${key}`);
  }
  public async fetch(key: string): Promise<T> {
    const cachedValue = await this.get(key);
    if (cachedValue !== undefined) return cachedValue;
    const value = await this.fetcher(key);
    await this.set(key, value);
    return value;
  }
}
