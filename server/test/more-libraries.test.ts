// Unit tests of the libraries added for issue 10 §5: each recognised by import binding,
// constructor or factory, with its verbs and TTL syntax; look-alikes and unknown TTLs stay silent.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { Analyzer } from '../src/engine/run';
import '../src/facts/index';
import type { CacheOp } from '../src/rule';

function opsOf(sources: Record<string, string>): CacheOp[] {
  const a = new Analyzer({ configFor: () => defaultConfig() });
  for (const [f, t] of Object.entries(sources)) a.setFile(f, t);
  return [...a.project().ops];
}

const one = (code: string) => opsOf({ '/p/a.ts': code });
const brief = (o: CacheOp) => `${o.lib}:${o.kind}:${o.verb}:${o.ttl}`;

describe('Bun, Valkey, Vercel KV', () => {
  it.each([
    ['Bun RedisClient', `import { RedisClient } from 'bun'; const r = new RedisClient(process.env.URL); r.set('k', 'v'); r.set('k', 'v', 'EX', 60); r.del('k');`, ['bun-redis:write:set:false', 'bun-redis:write:set:true', 'bun-redis:delete:del:undefined']],
    ['Bun default client', `import { redis } from 'bun'; redis.setex('k', 10, 'v'); redis.get('k');`, ['bun-redis:write:setex:true', 'bun-redis:read:get:undefined']],
    ['Bun.redis global', `Bun.redis.set('k', 'v', 'PX', 500);`, ['bun-redis:write:set:true']],
    ['iovalkey', `import Redis from 'iovalkey'; const r = new Redis(); r.set('k', 'v'); r.hset('h', 'f', 'v'); r.expire('h', 60);`, ['iovalkey:write:set:false', 'iovalkey:write:hset:true', 'iovalkey:expire:expire:undefined']],
    ['valkey-glide', `import { GlideClient, TimeUnit } from '@valkey/valkey-glide';
      async function f() { const c = await GlideClient.createClient({ addresses: [] });
        await c.set('a', 'v'); await c.set('b', 'v', { expiry: { type: TimeUnit.Seconds, count: 5 } }); await c.set('c', 'v', { conditionalSet: 'onlyIfDoesNotExist' }); await c.del(['a']); }`,
      ['valkey-glide:write:set:false', 'valkey-glide:write:set:true', 'valkey-glide:write:set:false', 'valkey-glide:delete:del:undefined']],
    ['@vercel/kv', `import { kv } from '@vercel/kv'; kv.set('a', 1); kv.set('b', 1, { ex: 60 });`, ['vercel-kv:write:set:false', 'vercel-kv:write:set:true']],
    ['@vercel/kv createClient', `import { createClient } from '@vercel/kv'; const kv = createClient({ url: '', token: '' }); kv.get('a');`, ['vercel-kv:read:get:undefined']],
  ])('%s', (_name, code, expected) => {
    expect(one(code).map(brief)).toEqual(expected);
  });

  it('glide conditionalSet is a set-if-absent, like NX', () => {
    const ops = one(`import { GlideClusterClient } from '@valkey/valkey-glide'; async function f() { const c = await GlideClusterClient.createClient({ addresses: [] }); await c.set('lock', '1', { conditionalSet: 'onlyIfDoesNotExist' }); }`);
    expect(ops.map((o) => [o.nx, o.use])).toEqual([[true, 'lock']]);
  });

  it('only RedisClient and redis are clients in bun; a local Bun shadows the global', () => {
    const ops = one(`import { file, RedisClient } from 'bun';
      const f = file('x'); (f as any).set('k', 'v');
      function g(Bun: any) { Bun.redis.set('k', 'v'); }`);
    expect(ops).toEqual([]);
  });
});

describe('unstorage, cacheable, Keyv stores', () => {
  it('unstorage: setItem without ttl is unknown, with ttl has one; removeItem deletes', () => {
    const ops = one(`import { createStorage } from 'unstorage'; const s = createStorage();
      s.setItem('a', 1); s.setItem('b', 1, { ttl: 60 }); s.getItem('a'); s.removeItem('a');`);
    expect(ops.map(brief)).toEqual(['unstorage:write:set:undefined', 'unstorage:write:set:true', 'unstorage:read:get:undefined', 'unstorage:delete:del:undefined']);
  });
  it('localStorage.setItem is no cache write', () => {
    expect(one(`localStorage.setItem('a', '1'); localStorage.getItem('a'); window.sessionStorage.removeItem('a');`)).toEqual([]);
  });
  it.each([
    ['Cacheable with a default ttl', `import { Cacheable } from 'cacheable'; const c = new Cacheable({ ttl: '1h' }); c.set('a', 1); c.delete('a');`, ['cacheable:write:set:true', 'cacheable:delete:delete:undefined']],
    ['CacheableMemory without ttl, a per-call ttl string', `import { CacheableMemory } from 'cacheable'; const c = new CacheableMemory(); c.set('a', 1); c.set('b', 1, '5m'); c.getOrSet('c', async () => 1);`, ['cacheable:write:set:false', 'cacheable:write:set:true', 'cacheable:read:getorset:undefined']],
    ['Keyv over @keyv/redis, no ttl', `import Keyv from 'keyv'; import KeyvRedis from '@keyv/redis'; const k = new Keyv({ store: new KeyvRedis('redis://x') }); k.set('a', 1);`, ['keyv:write:set:false']],
    ['Keyv from createKeyv(url)', `import { createKeyv } from '@keyv/redis'; const k = createKeyv(process.env.URL); k.set('a', 1, 60000);`, ['keyv:write:set:true']],
  ])('%s', (_name, code, expected) => {
    expect(one(code).map(brief)).toEqual(expected);
  });
});

describe('Midway caches', () => {
  const service = (decorator: string) => `import { InjectClient, Provide } from '@midwayjs/core';
    import { CachingFactory, MidwayCache } from '@midwayjs/cache-manager';
    @Provide() export class S { ${decorator} cache: MidwayCache; f(k: string) { this.cache.set('p:' + k, 1); } }`;
  const config = (opts: string) => `export default { keys: 'x', cacheManager: { clients: { default: ${opts} } } } as any;`;
  const ttlOf = (sources: Record<string, string>) => opsOf(sources).filter((o) => o.file === '/p/src/s.ts').map((o) => `${o.lib}:${o.ttl}`);

  it('@InjectClient(CachingFactory, name) takes the default TTL of that client in config.default.ts', () => {
    const s = service(`@InjectClient(CachingFactory, 'default')`);
    expect(ttlOf({ '/p/src/s.ts': s, '/p/src/config/config.default.ts': config(`{ store: CoolStore, options: { path: 'cache', ttl: 0 } }`) })).toEqual(['midway-cache-manager:false']);
    expect(ttlOf({ '/p/src/s.ts': s, '/p/src/config/config.default.ts': config(`{ store: 'memory', options: { ttl: 10000 } }`) })).toEqual(['midway-cache-manager:true']);
    expect(ttlOf({ '/p/src/s.ts': s, '/p/src/config/config.default.ts': config(`{ store: 'memory' }`) })).toEqual(['midway-cache-manager:false']);
  });
  it('unknown when no config, a store of its own without ttl, a prod config that sets one, or another client', () => {
    const s = service(`@InjectClient(CachingFactory, 'default')`);
    expect(ttlOf({ '/p/src/s.ts': s })).toEqual(['midway-cache-manager:undefined']);
    expect(ttlOf({ '/p/src/s.ts': s, '/p/src/config/config.default.ts': config(`{ store: redisStore, options: { port: 6379 } }`) })).toEqual(['midway-cache-manager:undefined']);
    expect(ttlOf({ '/p/src/s.ts': s, '/p/src/config/config.default.ts': config(`{ store: 'memory', options: { ttl: 0 } }`), '/p/src/config/config.prod.ts': config(`{ store: redisStore, options: { ttl: 60000 } }`) })).toEqual(['midway-cache-manager:true']);
    expect(ttlOf({ '/p/src/s.ts': service(`@InjectClient(CachingFactory, 'other')`), '/p/src/config/config.default.ts': config(`{ store: 'memory', options: { ttl: 0 } }`) })).toEqual(['midway-cache-manager:undefined']);
  });
  it('a config file that is not an object literal makes every client unknown', () => {
    const s = service(`@InjectClient(CachingFactory, 'default')`);
    expect(ttlOf({ '/p/src/s.ts': s, '/p/src/config/config.default.ts': `import base from './base';\nexport default base;\n// cacheManager: { … } set in base`, '/p/src/config/config.local.ts': config(`{ store: 'memory', options: { ttl: 0 } }`) })).toEqual(['midway-cache-manager:undefined']);
  });
  it('a config file elsewhere is not read', () => {
    const s = service(`@InjectClient(CachingFactory, 'default')`);
    expect(ttlOf({ '/p/src/s.ts': s, '/p/src/lib/config.default.ts': config(`{ store: 'memory', options: { ttl: 0 } }`) })).toEqual(['midway-cache-manager:undefined']);
  });
  it('the older @midwayjs/cache: @Inject() cacheManager: CacheManager, 10 s unless configured', () => {
    const s = `import { Inject, Provide } from '@midwayjs/core'; import { CacheManager } from '@midwayjs/cache';
      @Provide() export class S { @Inject() cacheManager: CacheManager; f() { this.cacheManager.set('a', 1); this.cacheManager.set('b', 1, { ttl: 60 }); } }`;
    expect(ttlOf({ '/p/src/s.ts': s })).toEqual(['midway-cache:true', 'midway-cache:true']);
    expect(ttlOf({ '/p/src/s.ts': s, '/p/src/config/config.default.ts': `export const cache = { store: 'memory', options: { max: 100, ttl: 0 } };` })).toEqual(['midway-cache:false', 'midway-cache:true']);
  });
});

describe('SQL through the methods of database clients', () => {
  const writes = (code: string) => {
    const a = new Analyzer({ configFor: () => defaultConfig() });
    a.setFile('/p/a.ts', code);
    const f = a.factsOf('/p/a.ts')!;
    return [...f.dbWrites.map((w) => `${w.kind} ${w.entity}`), ...f.dbReads.map((r) => `read ${r.entity}`)];
  };
  it.each([
    ['db.write(sql, params)', `export const f = (db: Db, id: string) => db.write('UPDATE plans SET price = $1 WHERE id = $2', [1, id]);`, ['update plan']],
    ['qx.selectOneOrNone(sql)', "export const f = (qx: Qx, id: string) => qx.selectOneOrNone(`SELECT * FROM repositories WHERE id = $(id)`, { id });", ['read repository']],
    ['slonik maybeOne', "export const f = (pool: any, sql: any, id: string) => pool.maybeOne(sql.unsafe`SELECT * FROM users WHERE id = ${id}`);", ['read user']],
    ['deno-postgres queryObject', "export const f = (client: any, id: string) => client.queryObject`DELETE FROM sessions WHERE id = ${id}`;", ['delete session']],
    ['clickhouse command({ query })', "export const f = (ch: any) => ch.command({ query: 'ALTER TABLE t DELETE WHERE 1' });", []],
    ['mssql request.batch', "export const f = (req: any) => req.batch('INSERT INTO audit (msg) VALUES (1)');", ['create audit']],
  ])('%s', (_name, code, expected) => {
    expect(writes(code)).toEqual(expected);
  });
  it('a write or select of anything but SQL text is none', () => {
    expect(writes(`export const f = (res: any, stream: any, knex: any) => { res.write('Update your profile'); stream.write(JSON.stringify({})); knex.select('id').from('users'); };`)).toEqual(['read user']);
  });
});
