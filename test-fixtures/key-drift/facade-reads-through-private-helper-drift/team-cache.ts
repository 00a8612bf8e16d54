import { RedisCache } from './redis-cache';

const cache = new RedisCache('team', 30 * 60);

export const teamCache = {
  get: (key: string) => cache.get<{ id: string; plan: string }>(key),
  set: (key: string, value: { id: string; plan: string }) => cache.set(key, value),
  delete: (key: string) => cache.delete(key),
};
