// Unit tests of values that reach a cache call from elsewhere: enum members and const objects as
// key parts, clients held in exported objects, returned by getters, assigned after their
// declaration, inherited from a base class or typed by a DI container, and key prefixes set in a
// constructor. Each case has a look-alike that must stay unresolved (a hole, or no client).
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { Analyzer } from '../src/engine/run';
import '../src/facts/index';
import type { CacheOp } from '../src/rule';
import { ctxOf, argOf } from './key-facts-helper';
import { keyExprOf } from '../src/facts/keys/key-exprs';

function opsOf(sources: Record<string, string>): CacheOp[] {
  const a = new Analyzer({ configFor: () => defaultConfig() });
  for (const [f, t] of Object.entries(sources)) a.setFile(f, t);
  return [...a.project().ops];
}

/** `lib:verb shape` of every op, in file order. */
const brief = (ops: CacheOp[]) => ops.map((o) => `${o.lib}:${o.verb} ${o.key?.shape ?? '-'}`);

const ioredis = `import Redis from 'ioredis';\nexport const redis = new Redis();\n`;

describe('enum members as key parts', () => {
  it('a local string enum member is its literal', () => {
    const ctx = ctxOf("enum K { USER = 'user:' }\nredis.get(K.USER + id)");
    expect(keyExprOf(argOf(ctx), ctx).parts).toEqual([{ lit: 'user:' }, { hole: 'id' }]);
  });
  it('implicit, computed and ambient members stay holes', () => {
    const ctx = ctxOf("enum N { A, B }\nenum C { X = 'x', Y = X.length }\ndeclare enum D { Z = 'z' }\nredis.get(`${N.B}:${C.Y}:${D.Z}`)");
    expect(keyExprOf(argOf(ctx), ctx).parts).toEqual([{ hole: 'N.B' }, { lit: ':' }, { hole: 'C.Y' }, { lit: ':' }, { hole: 'D.Z' }]);
  });
  it('an explicit numeric member is its number', () => {
    const ctx = ctxOf("const enum V { CURRENT = 3 }\nredis.get('v' + V.CURRENT + ':' + id)");
    expect(keyExprOf(argOf(ctx), ctx).parts).toEqual([{ lit: 'v3:' }, { hole: 'id' }]);
  });
  it('an enum imported from another file (through a barrel) resolves to its literal', () => {
    const ops = opsOf({
      '/p/enum/cache.enum.ts': "export enum CacheEnum {\n  SYS_CONFIG_KEY = 'sys_config:',\n  SYS_DICT_KEY = 'sys_dict:',\n  PAGE,\n}\n",
      '/p/enum/index.ts': "export { CacheEnum } from './cache.enum';\n",
      '/p/redis.ts': ioredis,
      '/p/svc.ts': `import { CacheEnum } from './enum/index';\nimport { redis } from './redis';\nexport async function f(key: string, t: string) {\n  await redis.get(CacheEnum.SYS_CONFIG_KEY + key);\n  await redis.del(\`\${CacheEnum.SYS_DICT_KEY}\${t}\`);\n  await redis.get(\`p:\${CacheEnum.PAGE}\`);\n}\n`,
    });
    expect(brief(ops)).toEqual(['ioredis:get sys_config:{}', 'ioredis:del sys_dict:{}', 'ioredis:get p:{}']);
  });
  it('a shadowing local of the same name is not the enum', () => {
    const ctx = ctxOf("enum K { USER = 'user:' }\nfunction f(K: any) { redis.get(K.USER + id) }");
    expect(keyExprOf(argOf(ctx), ctx).parts).toEqual([{ hole: 'K.USER' }, { hole: 'id' }]);
  });
});

describe('const objects as key parts', () => {
  it('nested `as const` objects imported from another file', () => {
    const ops = opsOf({
      '/p/keys.ts': "export const REDIS_KEYS = { SYSTEM: { CATEGORIES: 'system:categories' }, USER: 'user' } as const;\n",
      '/p/redis.ts': ioredis,
      '/p/svc.ts': "import { REDIS_KEYS } from './keys';\nimport { redis } from './redis';\nexport const f = (t: string) => redis.get(`${REDIS_KEYS.SYSTEM.CATEGORIES}:${t}`);\n",
    });
    expect(brief(ops)).toEqual(['ioredis:get system:categories:{}']);
  });
  it('a let object is not followed', () => {
    const ctx = ctxOf("let K = { USER: 'user:' };\nredis.get(K.USER + id)");
    expect(keyExprOf(argOf(ctx), ctx).parts).toEqual([{ hole: 'K.USER' }, { hole: 'id' }]);
  });
});
