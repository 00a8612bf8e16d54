import LRUCache from 'lru-cache';

// The application's cache is an LRU cache with a helper of its own.
export default class Cache extends LRUCache<string, any> {
  constructor() {
    super({ max: 1000, maxAge: 5 * 60 * 1000 });
  }

  invalidate(keys: string[]): void {
    keys.forEach((key: string) => this.del(key));
  }
}
