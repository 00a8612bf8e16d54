import { getCacheService } from './service';

// the application's cache port: its implementation is made on first use
type CacheService = {
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  del(keys: string[]): Promise<void>;
};

export const cache = new Proxy({} as CacheService, {
  get(_target, prop: keyof CacheService) {
    return async (...args: unknown[]) => {
      const service = await getCacheService();
      return (service[prop] as (...a: unknown[]) => unknown).apply(service, args);
    };
  },
});
