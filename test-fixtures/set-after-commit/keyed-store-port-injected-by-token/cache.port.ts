// The application's cache port: Nest injects its Redis implementation by token.
export interface CachePort {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds?: number): Promise<void>;
  invalidate(key: string): Promise<void>;
}
export const CACHE_PORT = Symbol('CachePort');

// A session store of the same shape: no copy of any row.
export interface SessionStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}
export const SESSION_STORE = Symbol('SessionStore');
