// Per-tree memo tables (syntax/tree-memo.ts) replace WeakMaps keyed by nodes: they must answer
// within one file's extraction and hold nothing of a file once the next file's extraction begins,
// so that no tree outlives its file (the reason they exist: docs/performance.md, memory).
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { extractFacts } from '../src/facts/index';
import { parse } from '../src/syntax/walk';
import { forgetTrees, treeMemo } from '../src/syntax/tree-memo';

describe('tree memo tables', () => {
  it('answer what was set until they are forgotten', () => {
    const memo = treeMemo<object, number>();
    const a = {};
    const b = {};
    memo.set(a, 1);
    expect(memo.get(a)).toBe(1);
    expect(memo.get(b)).toBeUndefined();
    forgetTrees();
    expect(memo.get(a)).toBeUndefined();
    memo.set(b, 2);
    expect(memo.get(b)).toBe(2);
  });

  it('are emptied when the next file is extracted, so no node of an earlier tree stays reachable', () => {
    const memo = treeMemo<object, string>();
    const earlier = parse('/p/a.ts', 'export const a = 1;');
    memo.set(earlier, 'a.ts');
    extractFacts('/p/b.ts', "import Redis from 'ioredis';\nconst r = new Redis();\nexport const get = (id: string) => r.get(`u:${id}`);\n", defaultConfig());
    expect(memo.get(earlier)).toBeUndefined();
  });

  it('give the same facts whether or not a table was filled by an earlier file', () => {
    const text = [
      "import Redis from 'ioredis';",
      'export class UserCache {',
      '  private prefix = "user:";',
      '  constructor(private readonly redis: Redis) {}',
      '  get(id: string) { const key = this.prefix + id; return this.redis.get(key); }',
      "  put(id: string, v: string) { return this.redis.set(this.prefix + id, v, 'EX', 60); }",
      '}',
    ].join('\n');
    const first = JSON.stringify(extractFacts('/p/user.cache.ts', text, defaultConfig()));
    extractFacts('/p/other.ts', "import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function f() { let k = 'x'; k = 'y'; return redis.get(k); }\n", defaultConfig());
    const again = JSON.stringify(extractFacts('/p/user.cache.ts', text, defaultConfig()));
    expect(again).toBe(first);
    expect(first).toContain('"method":"set"');
  });
});
