// valid: the caller passes the optional ttl argument of put()
import { put, kv } from './kv';
import { searchIndex } from './search-index';

export async function search(q: string) {
  const hit = kv.get(`search:${q}`);
  if (hit) return hit;
  const result = await searchIndex.query(q);
  await put(`search:${q}`, result, 30_000);
  return result;
}
