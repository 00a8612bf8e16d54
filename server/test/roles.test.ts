// A key's role from how it is read: a library read-through (`wrap(key, loader)`) reloads on a miss
// whatever its loader reads, so the key is a cache; a plain read used as it is keeps app state.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { Analyzer } from '../src/engine/run';
import '../src/facts/index';

const source = `import { caching } from 'cache-manager';
import Redis from 'ioredis';
const memoryCache = await caching('memory', { max: 100, ttl: 600_000 });
const redis = new Redis();
async function genresFromApi(id: string) { return fetchGenres(id); }
export async function genres(id: string) {
  return memoryCache.wrap(\`genres__\${id}\`, function () {
    return genresFromApi(id);
  });
}
export async function banner(id: string) {
  const raw = await redis.get(\`banner__\${id}\`);
  return raw ? JSON.parse(raw) : null;
}
export async function setBanner(id: string, b: unknown) {
  await redis.set(\`banner__\${id}\`, JSON.stringify(b));
}`;

describe('roles from reads', () => {
  const a = new Analyzer({ configFor: () => defaultConfig() });
  a.setFile('/p/display.ts', source);
  a.run();
  const keys = [...a.project().model.keys.values()];
  const role = (shape: string) => keys.find((k) => k.shape === shape)?.role;

  it('a wrap() read-through is a cache, whatever its loader reads', () => {
    expect(role('genres__{}')).toBe('cache');
  });
  it('a plain read used as it is, never reloaded, is no cache', () => {
    expect(role('banner__{}')).toBe('not-cache');
  });
});
