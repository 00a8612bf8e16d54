import { createCache } from 'cache-manager';

export class AppCache {
  private readonly store = createCache({ nonBlocking: true });

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.store.get<T>(key)) ?? undefined;
  }

  /** `ttlMs` is optional and the store has no default: omitting it caches forever. */
  async put(key: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.store.set(key, value, ttlMs);
  }
}
