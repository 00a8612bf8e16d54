import { describe, expect, it } from 'vitest';
import { sentinelOf } from '../src/facts/keys/sentinels';
import { argOf, ctxOf } from './key-facts-helper';

describe('sentinelOf', () => {
  const s = (src: string, sentinels: string[] = []) => {
    const ctx = ctxOf(src, sentinels);
    return sentinelOf(argOf(ctx, 'redis.set', 1), ctx);
  };
  it.each([
    ['null', 'redis.set(k, null)'],
    ['JSON.stringify(null)', 'redis.set(k, JSON.stringify(null))'],
    ["''", "redis.set(k, '')"],
    ["'null'", "redis.set(k, 'null')"],
    ["'__NEGATIVE__'", "redis.set(k, '__NEGATIVE__')"],
    ["'NOT_FOUND'", "redis.set(k, 'NOT_FOUND')"],
    ["'__none__'", "redis.set(k, '__none__')"],
    ["'__NULL__'", "redis.set(k, '__NULL__')"],
    ["'nil'", "redis.set(k, 'nil')"],
    ['false', 'redis.set(k, false)'],
    ['[]', 'redis.set(k, [])'],
    ['local const', "const NOT_FOUND = '__NOT_FOUND__'; redis.set(k, NOT_FOUND)"],
    ['const chain', "const A = 'null'; const B = A; redis.set(k, B)"],
    ['object constant member', "const S = { MISS: '__MISS__' } as const; redis.set(k, S.MISS)"],
    ['?? fallback', "redis.set(k, user ?? 'null')"],
    ['conditional branch', "redis.set(k, user ? JSON.stringify(user) : '')"],
    ['as cast', 'redis.set(k, null as any)'],
    ["a named token 'MODEL_NOT_FOUND'", "redis.set(k, m ?? 'MODEL_NOT_FOUND')"],
    ["a named token 'NONE'", "redis.set(k, 'NONE')"],
    ["a delimited lower-case 'user:not-found'", "redis.set(k, 'user:not-found')"],
    ['a constant named MISSING_MARKER', 'const MISSING_MARKER = Symbol.for("m"); redis.set(k, MISSING_MARKER)'],
    ["an existence flag exists ? '1' : '0'", "redis.set(k, exists ? '1' : '0')"],
    ['an existence flag String(count > 0)', 'redis.set(k, String(count > 0))'],
    ['an existence flag !!row', 'redis.set(k, JSON.stringify(!!row))'],
    ['an existence flag row != null', 'redis.set(k, String(row != null))'],
    ['a has-name flag', 'redis.set(k, String(hasAccess))'],
  ])('%s is a sentinel', (_, src) => {
    expect(s(src)).toBe(true);
  });
  it('configured sentinel string', () => {
    expect(s("redis.set(k, 'GONE')", ['GONE'])).toBe(true);
    expect(s("redis.set(k, 'GONE')")).toBe(false);
  });
  it.each([
    ['undefined', 'redis.set(k, undefined)'],
    ['0', 'redis.set(k, 0)'],
    ['{}', 'redis.set(k, {})'],
    ['a DB result', 'const user = await db.user.findUnique(q); redis.set(k, user)'],
    ['JSON.stringify(user)', 'redis.set(k, JSON.stringify(user))'],
    ["'OK'", "redis.set(k, 'OK')"],
    ["'1'", "redis.set(k, '1')"],
    ["'none' without underscores", "redis.set(k, 'none')"],
    ['a non-empty array', 'redis.set(k, [1])'],
    ['a let holding null', 'let v = null; v = load(); redis.set(k, v)'],
    ["a sentence 'Not found, try again'", "redis.set(k, 'Not found, try again')"],
    ["'missing' in lower case (a real value)", "redis.set(k, 'missing')"],
    ['a status word', "redis.set(k, status === 'active' ? 'on' : 'off')"],
    ['a count', 'redis.set(k, String(count))'],
  ])('%s is not a sentinel', (_, src) => {
    expect(s(src)).toBe(false);
  });
  it('an imported constant is returned as a ref for the linker', () => {
    expect(s("import { NOT_FOUND } from './sentinels'; redis.set(k, NOT_FOUND)")).toEqual({ module: './sentinels', name: 'NOT_FOUND' });
    expect(s("import { S } from './s'; redis.set(k, user ?? S.MISS)")).toEqual({ module: './s', name: 'S', member: ['MISS'] });
  });
});
