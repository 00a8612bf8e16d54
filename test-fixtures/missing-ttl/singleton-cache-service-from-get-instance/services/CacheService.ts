import Redis from 'ioredis';

// A singleton wrapper: the module's default export is the instance its static accessor returns.
class CacheService {
  private static instance: CacheService;
  private redis: Redis;

  private constructor() {
    this.redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  }

  public static getInstance(): CacheService {
    if (!CacheService.instance) CacheService.instance = new CacheService();
    return CacheService.instance;
  }

  public async set(key: string, data: unknown, ttlSeconds?: number) {
    return ttlSeconds ? this.redis.set(key, JSON.stringify(data), 'EX', ttlSeconds) : this.redis.set(key, JSON.stringify(data));
  }

  public async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.redis.get(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  }
}

export default CacheService.getInstance();
