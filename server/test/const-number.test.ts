// constNumber (syntax/local-values.ts): the TTLs written as arithmetic of constants, which messages
// quote ("until its 1-hour TTL") and rules compare (a one-second cache is no stale copy).
import { describe, expect, it } from 'vitest';
import { constNumber } from '../src/syntax/local-values';
import { argOf, ctxOf } from './key-facts-helper';

const ttlOf = (text: string) => {
  const ctx = ctxOf(text);
  return constNumber(argOf(ctx, 'redis.set', 3), ctx.facts.imports);
};

describe('constNumber', () => {
  it.each([
    ["redis.set(k, v, 'EX', 3600);", 3600],
    ["redis.set(k, v, 'EX', 60 * 60 * 24);", 86400],
    ["redis.set(k, v, 'EX', (2 + 1) * 60);", 180],
    ["const ONE_MINUTE = 60;\nconst DEFAULT = ONE_MINUTE / 60;\nredis.set(k, v, 'EX', DEFAULT);", 1],
    ["const DAY = 24 * 60 * 60;\nfunction f() { const TTL = 7 * DAY; redis.set(k, v, 'EX', TTL); }", 604800],
    ["redis.set(k, v, 'EX', -1);", -1],
    ["const TTL = { day: 24 * 3600 } as const;\nredis.set(k, v, 'EX', TTL.day);", 86400],
    ["enum Ttl { Hour = 3600 }\nredis.set(k, v, 'EX', Ttl.Hour * 2);", 7200],
    // a `let` nothing assigns again holds its first value
    ["let ttl = 60;\nredis.set(k, v, 'EX', ttl);", 60],
  ])('%s → %d', (text, want) => {
    expect(ttlOf(text)).toBe(want);
  });

  it.each([
    ["let ttl = 60;\nif (slow) ttl = 600;\nredis.set(k, v, 'EX', ttl);", 'a let assigned again'],
    ["let ttl = 60;\nttl += 5;\nredis.set(k, v, 'EX', ttl);", 'a let added to'],
    ["let ttl = 60;\nfunction later() { ttl++; }\nredis.set(k, v, 'EX', ttl);", 'a let counted up elsewhere in its scope'],
    ["redis.set(k, v, 'EX', config.ttl);", 'a property of something else'],
    ["import { TTL } from './ttl';\nredis.set(k, v, 'EX', TTL);", 'an import is the linker\'s business'],
    ["redis.set(k, v, 'EX', 60 / 0);", 'no finite number'],
    ["redis.set(k, v, 'EX', '60' + 1);", 'a string'],
    ["const a = b; const b = a;\nredis.set(k, v, 'EX', a);", 'a cycle'],
  ])('%s: none (%s)', (text) => {
    expect(ttlOf(text)).toBeUndefined();
  });
});
