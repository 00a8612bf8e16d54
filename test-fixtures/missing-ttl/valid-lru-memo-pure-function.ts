// valid: a size-bounded LRU memoising a pure computation of its key has nothing that can go stale
import { LRUCache } from 'lru-cache';

const parsed = new LRUCache<string, URL>({ max: 1000 });

export function parseRepoUrl(spec: string): URL {
  const hit = parsed.get(spec);
  if (hit) return hit;
  const url = new URL(spec.replace(/^github:/, 'https://github.com/'));
  parsed.set(spec, url);
  return url;
}
