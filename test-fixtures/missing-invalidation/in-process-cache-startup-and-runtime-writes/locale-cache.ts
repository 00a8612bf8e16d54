import { LRUCache } from 'lru-cache';
import { db } from './db';

export const localeCache = new LRUCache<string, object>({ max: 100, ttl: 300_000 });

export async function navLocales() {
  const hit = localeCache.get('nav:locales');
  if (hit) return hit;
  const rows = await db('locales').select('code', 'nativeName');
  localeCache.set('nav:locales', rows);
  return rows;
}
