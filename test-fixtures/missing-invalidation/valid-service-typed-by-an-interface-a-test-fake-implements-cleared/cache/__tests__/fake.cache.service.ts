import { ICacheService } from '../cache.service.interface';

// The tests' stand-in implements the interface too: the product's class is still the one injected.
export class FakeCacheService implements ICacheService {
  private readonly entries = new Map<string, unknown>();

  async readJson<T>(key: string): Promise<T | null> {
    return (this.entries.get(key) as T) ?? null;
  }

  async writeJson(key: string, value: unknown): Promise<void> {
    this.entries.set(key, value);
  }

  async deleteByKey(key: string): Promise<number> {
    return this.entries.delete(key) ? 1 : 0;
  }
}
