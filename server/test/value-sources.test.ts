// Where a cached value comes from (facts/flow/value-sources.ts), on the shapes that made one file of
// a real monorepo cost minutes: a variable assigned from itself hundreds of times, variables
// assigned from each other, and values that branch at every step. The answer must stay right and
// the work per value bounded (a count of expressions looked at, never a timing).
import { describe, expect, it } from 'vitest';
import { lastSourceSteps, MAX_SOURCE_STEPS, valueSource } from '../src/facts/flow/value-sources';
import { argOf, ctxOf } from './key-facts-helper';
import { defaultConfig } from '../src/config';
import { Analyzer } from '../src/engine/run';
import '../src/facts/index';

const sourceOfSet = (src: string) => {
  const ctx = ctxOf(src);
  return valueSource(argOf(ctx, 'redis.set', 1), ctx);
};

describe('valueSource', () => {
  it('follows a module-level variable reassigned from itself many times, in a bounded walk', () => {
    const lines = ["let s = '';", 'export async function load(u: string) { s = await fetch(u); }'];
    for (let i = 0; i < 300; i++) lines.push(`export function step${i}(x: string, f: boolean) { s = f ? s + x : s; }`);
    lines.push("export async function save() { await redis.set('page', s, 'EX', 60); }");
    expect(sourceOfSet(lines.join('\n'))).toBe('http');
    // each of the 300 assignments is looked at once: the self-references add nothing
    expect(lastSourceSteps()).toBeLessThan(MAX_SOURCE_STEPS);
  });

  it('follows variables assigned from each other without going round the cycle', () => {
    const src = [
      "let a = ''; let b = '';",
      'export function f(x: string) { a = b + x; b = a + x; }',
      'export async function g(u: string) { b = await fetch(u); }',
      "export async function save() { await redis.set('k', a, 'EX', 60); }",
    ].join('\n');
    expect(sourceOfSet(src)).toBe('http');
  });

  it('stops at its bound on a value that branches at every step', () => {
    // v5 = [v4, v4, … 40 times], … : 40^4 paths to v0 within the depth limit
    const lines = ['export async function f(u: string) {', '  const v0 = u;'];
    for (let i = 1; i < 10; i++) lines.push(`  const v${i} = [${Array(40).fill(`v${i - 1}`).join(', ')}];`);
    lines.push("  await redis.set('k', v9, 'EX', 60);", '}');
    sourceOfSet(lines.join('\n'));
    expect(lastSourceSteps()).toBe(MAX_SOURCE_STEPS);
  });

  it('still sees a row pushed into an array filled in a loop', () => {
    const src = [
      'export async function f(u: string) {',
      '  const pages: string[] = [];',
      '  for (let i = 0; i < 3; i++) pages.push(await fetch(u + i));',
      "  await redis.set('pages', JSON.stringify(pages), 'EX', 60);",
      '}',
    ].join('\n');
    expect(sourceOfSet(src)).toBe('http');
  });
});

describe('the project functions a cached value is the result of', () => {
  const callsOfSet = (sources: Record<string, string>, file: string) => {
    const a = new Analyzer({ configFor: () => defaultConfig() });
    for (const [f, t] of Object.entries(sources)) a.setFile(f, t);
    const set = a.factsOf(file)!.calls.find((c) => c.method === 'set')!;
    return set.args[1].srcCalls ?? [];
  };
  const facade = `import Redis from 'ioredis'; const r = new Redis();
    export const userCache = { get: (k: string) => r.get('user:' + k), set: (k: string, v: unknown) => r.set('user:' + k, JSON.stringify(v), 'EX', 60) };`;

  it('names the loader before what its arguments came from, and leaves a cache read’s key out', () => {
    const auth = `import { userCache } from './cache';
      import { getUserById, validateToken, region } from './queries';
      export async function auth(db: unknown, token: string) {
        const t = await validateToken(db, token);
        const r = await region();
        let user = await userCache.get(t.user.id);
        if (!user) {
          user = await getUserById(db, t.user.id, r);
          await userCache.set(t.user.id, user);
        }
        return user;
      }`;
    const calls = callsOfSet({ '/p/cache.ts': facade, '/p/auth.ts': auth }, '/p/auth.ts');
    const refs = calls.flatMap((c) => ('ref' in c ? [c.ref.name] : []));
    expect(refs[0]).toBe('getUserById');
    expect(refs.filter((n) => n === 'getUserById')).toHaveLength(1);
  });
});
