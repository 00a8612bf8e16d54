export const CacheService = Symbol('ICacheService');

// What the services are typed by: no method of it is named like a client's get/set/del.
export interface ICacheService {
  readJson<T>(key: string): Promise<T | null>;
  writeJson(key: string, value: unknown, expireTimeSeconds: number): Promise<void>;
  deleteByKey(key: string): Promise<number>;
}
