// Unit tests of cache-client recognition and cross-file linking: which calls become cache ops, of
// which library, with which TTL semantics, through which bindings; and which look-alikes do not.
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

function one(code: string): CacheOp[] {
  return opsOf({ '/p/a.ts': code });
}

const brief = (o: CacheOp) => `${o.lib}:${o.kind}:${o.verb}:${o.ttl}`;

describe('client recognition by binding', () => {
  it.each([
    ['ioredis default import', `import Redis from 'ioredis'; const r = new Redis(); r.set('k', 'v');`, 'ioredis:write:set:false'],
    ['ioredis named import', `import { Redis } from 'ioredis'; const r = new Redis(process.env.URL!); r.get('k');`, 'ioredis:read:get:undefined'],
    ['ioredis Cluster', `import Redis from 'ioredis'; const c = new Redis.Cluster([]); c.setex('k', 5, 'v');`, 'ioredis:write:setex:true'],
    ['ioredis require', `const Redis = require('ioredis'); const r = new Redis(); r.del('k');`, 'ioredis:delete:del:undefined'],
    ['node-redis createClient', `import { createClient } from 'redis'; const c = createClient(); c.set('k', 'v', { EX: 5 });`, 'node-redis:write:set:true'],
    ['node-redis connect chain', `import { createClient } from 'redis'; async function f() { const c = await createClient().connect(); await c.set('k', 'v'); }`, 'node-redis:write:set:false'],
    ['node-redis v5 expiration', `import { createClient } from 'redis'; const c = createClient(); c.set('k', 'v', { expiration: { type: 'EX', value: 5 } });`, 'node-redis:write:set:true'],
    ['upstash fromEnv', `import { Redis } from '@upstash/redis'; const r = Redis.fromEnv(); r.set('k', 'v', { ex: 60 });`, 'upstash:write:set:true'],
    ['cache-manager caching without ttl', `import { caching } from 'cache-manager'; async function f() { const c = await caching('memory'); await c.set('k', 1); }`, 'cache-manager:write:set:false'],
    ['cache-manager createCache with ttl', `import { createCache } from 'cache-manager'; const c = createCache({ ttl: 1000 }); c.set('k', 1);`, 'cache-manager:write:set:true'],
    ['cache-manager ttl 0 means none', `import { createCache } from 'cache-manager'; const c = createCache({ ttl: 0 }); c.set('k', 1);`, 'cache-manager:write:set:false'],
    ['keyv without ttl', `import Keyv from 'keyv'; const k = new Keyv(); k.set('a', 1);`, 'keyv:write:set:false'],
    ['keyv with ttl', `import Keyv from 'keyv'; const k = new Keyv({ ttl: 5000 }); k.set('a', 1);`, 'keyv:write:set:true'],
    ['lru-cache with ttl', `import { LRUCache } from 'lru-cache'; const c = new LRUCache({ max: 10, ttl: 1000 }); c.set('a', 1);`, 'lru-cache:write:set:true'],
    ['node-cache stdTTL', `import NodeCache from 'node-cache'; const c = new NodeCache({ stdTTL: 60 }); c.set('a', 1);`, 'node-cache:write:set:true'],
    ['node-cache without stdTTL', `import NodeCache from 'node-cache'; const c = new NodeCache(); c.set('a', 1);`, 'node-cache:write:set:false'],
    // mnemonist's LRU maps cannot expire: no TTL is missing
    ['mnemonist LRUMap', `import { LRUMap } from 'mnemonist'; const c = new LRUMap<string, number>(100); c.set('a', 1);`, 'mnemonist:write:set:undefined'],
    ['mnemonist/lru-map default', `import LRUMap from 'mnemonist/lru-map'; const c = new LRUMap(100); c.delete('a');`, 'mnemonist:delete:delete:undefined'],
  ])('%s', (_name, code, expected) => {
    expect(one(code).map(brief)).toEqual([expected]);
  });

  it('follows const aliases and declared types of parameters', () => {
    const ops = one(`import Redis from 'ioredis';
      const base = new Redis(); const alias = base;
      export function f(r: Redis) { return r.set('a', 'b', 'EX', 1); }
      alias.hset('h', 'f', 'v');`);
    expect(ops.map(brief)).toEqual(['ioredis:write:set:true', 'ioredis:write:hset:false']);
  });

  it('recognises class fields, constructor parameters and Nest injection', () => {
    const ops = one(`import Redis from 'ioredis';
      import { Inject, Injectable } from '@nestjs/common';
      import { CACHE_MANAGER, Cache } from '@nestjs/cache-manager';
      import { InjectRedis } from '@nestjs-modules/ioredis';
      @Injectable() export class S {
        private readonly field = new Redis();
        constructor(@InjectRedis() private readonly redis: Redis, @Inject(CACHE_MANAGER) private cache: Cache, private plain: Redis) {}
        async f() { await this.field.get('a'); await this.redis.del('b'); await this.cache.get('c'); await this.plain.unlink('d'); }
      }`);
    expect(ops.map((o) => `${o.lib}:${o.verb}`)).toEqual(['ioredis:get', 'ioredis:del', 'cache-manager:get', 'ioredis:unlink']);
  });

  it('uses CacheModule.register({ ttl }) anywhere as the Nest default TTL', () => {
    const service = `import { Inject } from '@nestjs/common'; import { CACHE_MANAGER, Cache } from '@nestjs/cache-manager';
      export class S { constructor(@Inject(CACHE_MANAGER) private cache: Cache) {} f() { return this.cache.set('k', 1); } }`;
    const withTtl = opsOf({ '/p/s.ts': service, '/p/m.ts': `CacheModule.register({ ttl: 5000 });` });
    const without = opsOf({ '/p/s.ts': service, '/p/m.ts': `CacheModule.register({ isGlobal: true });` });
    const unknown = opsOf({ '/p/s.ts': service });
    expect(withTtl[0].ttl).toBe(true);
    expect(without[0].ttl).toBe(false);
    expect(unknown[0].ttl).toBeUndefined();
  });

  it('treats pipelines as the client, and an expire later in the pipeline as a TTL', () => {
    const ops = one(`import Redis from 'ioredis'; const r = new Redis();
      export async function f(k: string) { await r.pipeline().hset(k, 'a', 1).expire(k, 60).exec(); const m = r.multi(); m.sadd('s', 1); await m.exec(); }`);
    expect(ops.map(brief)).toEqual(['ioredis:write:hset:true', 'ioredis:expire:expire:undefined', 'ioredis:write:sadd:false']);
  });
});

describe('look-alikes are not caches', () => {
  it.each([
    ['Map', `const m = new Map<string, string>(); m.set('product:1', 'x'); m.delete('a'); m.get('b');`],
    ['Headers', `const h = new Headers(); h.set('cache-control', 'no-store'); h.delete('x');`],
    ['URLSearchParams', `const q = new URLSearchParams(); q.set('page', '1');`],
    ['Express res.set', `import express from 'express'; const app = express(); app.get('/', (req, res) => { res.set('Cache-Control', 'max-age=60'); res.send('ok'); });`],
    ['Drizzle update().set()', `import { drizzle } from 'drizzle-orm/node-postgres'; const db = drizzle(''); export async function f() { await db.update(users).set({ name: 'a' }).where(eq(users.id, 1)); }`],
    ['TypeORM query builder set', `export async function f(ds: DataSource) { await ds.createQueryBuilder().update(User).set({ name: 'a' }).where('id = 1').execute(); }`],
    ['an untyped parameter named redis', `export async function f(redis: any) { await redis.set('k', 'v'); }`],
    ['lodash get', `import _ from 'lodash'; _.set({}, 'a.b', 1);`],
    ['a mnemonist Queue', `import { Queue } from 'mnemonist'; const q = new Queue<string>(); q.enqueue('a'); q.dequeue();`],
    ['a mnemonist default import', `import mnemonist from 'mnemonist'; const m = new mnemonist.MultiMap(); m.set('a', 1);`],
  ])('%s', (_name, code) => {
    expect(one(code).map(brief)).toEqual([]);
  });
});

describe('across files', () => {
  it('resolves a client exported from one module and imported in another', () => {
    const ops = opsOf({
      '/p/src/redis.ts': `import Redis from 'ioredis'; export const redis = new Redis();`,
      '/p/src/svc.ts': `import { redis } from './redis'; export const f = () => redis.set('a', 'b');`,
      '/p/src/alias.ts': `import * as cache from './redis.js'; export const g = () => cache.redis.get('a');`,
      '/p/src/def.ts': `import client from '@/redis-default'; export const h = () => client.del('a');`,
      '/p/src/redis-default.ts': `import Redis from 'ioredis'; export default new Redis();`,
    });
    expect(ops.map((o) => `${o.file.split('/').pop()}:${o.verb}`).sort()).toEqual(['alias.ts:get', 'def.ts:del', 'svc.ts:set']);
  });

  it('treats a thin wrapper class with its own semantics (always a TTL)', () => {
    const ops = opsOf({
      '/p/app-cache.ts': `import Redis from 'ioredis';
        export class AppCache {
          constructor(private readonly client: Redis) {}
          async set(key: string, value: unknown, ttl = 3600) { await this.client.set(key, JSON.stringify(value), 'EX', ttl); }
          async drop(key: string) { await this.client.del(key); }
        }`,
      '/p/svc.ts': `import { AppCache } from './app-cache';
        export class Svc { constructor(private cache: AppCache) {} async f(id: string) { await this.cache.set(\`user:\${id}\`, 1); await this.cache.drop(\`user:\${id}\`); } }`,
    });
    const outer = ops.filter((o) => o.file === '/p/svc.ts');
    expect(outer.map((o) => `${o.wrapper}:${o.kind}:${o.ttl}:${o.key?.shape}:${o.deleteVia}`)).toEqual([
      'AppCache.set:write:true:user:{}:drop',
      'AppCache.drop:delete:undefined:user:{}:drop',
    ]);
  });

  it('a facade without any TTL: its callers write without one, its own call is forwarded to them', () => {
    const ops = opsOf({
      '/p/w.ts': `import Redis from 'ioredis'; const r = new Redis(); export async function put(key: string, v: string) { await r.set(key, v); }`,
      '/p/u.ts': `import { put } from './w'; export const f = () => put('user:1', 'x');`,
    });
    expect(ops.map((o) => `${o.file}:${o.ttl}:${o.forwarded ? 'forwarded' : 'site'}:${o.key?.shape}`).sort()).toEqual([
      '/p/u.ts:false:site:user:1',
      '/p/w.ts:false:forwarded:undefined',
    ]);
  });

  it('a method going through a private helper of its class: its callers read the helper’s key, built from their arguments', () => {
    const cache = `import Redis from 'ioredis'; const redis = new Redis();
      export class PrefixCache {
        constructor(private prefix: string) {}
        private fullKey(key: string) { return \`\${this.prefix}:\${key}\`; }
        async get(key: string) { const full = this.fullKey(key); return this.readRaw(key, full); }
        private async readRaw(key: string, full: string) { const v = await redis.get(full); return v ? JSON.parse(v) : undefined; }
        async peek(key: string) { return this.unrelated(key); }
        private unrelated(key: string) { return key.length; }
      }`;
    const ops = opsOf({
      '/p/cache.ts': cache,
      '/p/users.ts': `import { PrefixCache } from './cache'; const users = new PrefixCache('user');
        export const load = (id: string) => users.get(id);
        export const size = (id: string) => users.peek(id);`,
    });
    expect(ops.filter((o) => o.file === '/p/users.ts').map((o) => `${o.wrapper}:${o.kind}:${o.key?.shape}`)).toEqual(['PrefixCache.get:read:user:{}']);
  });

  it('a key minted inside a wrapper is minted at its callers, through a facade over the wrapper too', () => {
    const ops = opsOf({
      '/p/snapshots.ts': `import Redis from 'ioredis'; import { randomUUID } from 'node:crypto'; const redis = new Redis();
        const genVersionId = () => randomUUID();
        export class Snapshots {
          async set(id: string, state: { version?: string }) { state.version ||= genVersionId(); await redis.set(\`snap:\${id}:\${state.version}\`, '1', 'EX', 60); }
          async delete(id: string, version: string) { await redis.del(\`snap:\${id}:\${version}\`); }
        }`,
      '/p/store.ts': `import { Snapshots } from './snapshots'; const snaps = new Snapshots();
        export const store = { set: (id: string, s: { version?: string }) => snaps.set(id, s), delete: (id: string, v: string) => snaps.delete(id, v) };`,
      '/p/svc.ts': `import { store } from './store';
        export async function f(id: string) { await store.set(id, {}); await store.delete(id, 'v1'); }`,
    });
    expect(ops.filter((o) => o.file === '/p/svc.ts').map((o) => `${o.wrapper}:${o.minted ?? false}`)).toEqual(['store.set:true', 'store.delete:false']);
  });

  it('a client or a project cache class reached through a cast', () => {
    const ops = opsOf({
      '/p/cache.ts': `import Redis from 'ioredis';
        export class AppCache {
          constructor(private r: Redis) {}
          async put(key: string, v: string, ttl?: number) { if (ttl) await this.r.set(key, v, 'EX', ttl); else await this.r.set(key, v); }
        }`,
      '/p/svc.ts': `import type { AppCache } from './cache'; import type Redis from 'ioredis';
        export async function f(ctx: any, id: string) {
          const cache = ctx.cache as AppCache;
          await cache.put(\`user:\${id}\`, 'x', 60);
          const r = <Redis>ctx.redis;
          await r.get(\`user:\${id}\`);
          const other = ctx.other as unknown as { put(k: string, v: string): void };
          other.put(\`user:\${id}\`, 'y');
          await (ctx.cache as AppCache).put(\`team:\${id}\`, 'z');
        }`,
    });
    expect(ops.filter((o) => o.file === '/p/svc.ts').map((o) => `${o.wrapper ?? o.lib}:${o.kind}:${o.ttl}:${o.key?.shape}`)).toEqual([
      'AppCache.put:write:true:user:{}',
      'ioredis:read:undefined:user:{}',
      'AppCache.put:write:false:team:{}',
    ]);
  });

  it('a client handed in as a property of a destructured parameter, typed in place or by an interface', () => {
    const ops = opsOf({
      '/p/a.ts': `import NodeCache from 'node-cache';
        interface Deps { store: NodeCache; name: string }
        export function factory({ journeyCache }: { journeyCache: NodeCache }) {
          return async (id: string) => journeyCache.get(\`journeys:\${id}\`);
        }
        export const other = ({ store: kv, name }: Deps) => kv.get(name);
        export const untyped = ({ cache }: any) => cache.get('journeys:1');`,
    });
    expect(ops.map((o) => `${o.lib}:${o.verb}:${o.key?.shape}`)).toEqual(['node-cache:get:journeys:{}', 'node-cache:get:undefined']);
  });

  it('a client from a local factory that returns null when unconfigured, exported by name', () => {
    const ops = opsOf({
      '/p/kv.ts': `import { Redis } from '@upstash/redis';
        function createRedis() {
          if (!process.env.KV_URL) return null;
          try { return new Redis({ url: process.env.KV_URL, token: 't' }); } catch { return null; }
        }
        const redis = createRedis();
        export { redis };`,
      '/p/use.ts': `import { redis } from './kv'; export async function f(id: string) { if (!redis) return; await redis.get(\`user:\${id}\`); }`,
      // two different things returned: no client
      '/p/mixed.ts': `import { Redis } from '@upstash/redis';
        function make(flag: boolean) { if (flag) return new Redis({ url: 'u', token: 't' }); return new Map<string, string>(); }
        const store = make(true); export async function g() { await store.get('user:1'); }`,
    });
    expect(ops.map((o) => `${o.file}:${o.lib}:${o.verb}`)).toEqual(['/p/use.ts:upstash:get']);
  });

  it('a wrapper serialising through a method of its own (`const s = this.stringifyValue(value)`) writes its caller’s value', () => {
    const ops = opsOf({
      '/p/cache.ts': `import Redis from 'ioredis'; const redis = new Redis();
        export class AppCache {
          private stringifyValue(v: unknown) { return typeof v === 'string' ? v : JSON.stringify(v); }
          async set(key: string, value: unknown, ttl?: number) {
            const serialized = this.stringifyValue(value);
            await redis.set(key, serialized, 'EX', ttl ?? 60);
          }
        }`,
      '/p/svc.ts': `import { AppCache } from './cache'; import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient(); const cache = new AppCache();
        export async function load(id: string) { const u = await prisma.user.findUnique({ where: { id } }); await cache.set('user:' + id, u); }`,
    });
    expect(ops.filter((o) => o.file === '/p/svc.ts').map((o) => `${o.kind}:${o.key?.shape}:${o.valueEntities?.join()}`)).toEqual(['write:user:{}:user']);
  });

  it('a client held in a typed container: an interface extending Omit<client type>, exported as a member', () => {
    const ops = opsOf({
      '/p/redis/client.ts': `import type { RedisClientType } from 'redis';
import { createClient } from 'redis';
interface AppRedis extends Omit<RedisClientType, 'get' | 'set'> { get(k: string): Promise<string | null>; set(k: string, v: string, o?: { EX?: number }): Promise<unknown> }
interface CacheRedis extends AppRedis { purge(tag: string): Promise<void> }
export type Clients = { redis: CacheRedis; plain: { get(k: string): string } };
export function make(): Clients { return { redis: createClient() as unknown as CacheRedis, plain: { get: (k) => k } }; }`,
      '/p/app/redis.ts': `import { make, type Clients } from '../redis/client';
const clients: Clients = make();
export const redis = clients.redis;
export const plain = clients.plain;`,
      '/p/app/svc.ts': `import { redis, plain } from './redis';
export async function f() { await redis.set('user:1', 'v'); plain.get('user:1'); }`,
    });
    expect(ops.filter((o) => o.file === '/p/app/svc.ts').map(brief)).toEqual(['node-redis:write:set:false']);
  });

  it('a project interface extending something that is no client is none', () => {
    const ops = one(`import { EventEmitter } from 'node:events';
interface Bus extends Omit<EventEmitter, 'emit'> { get(k: string): string }
declare const bus: Bus;
bus.get('user:1');`);
    expect(ops.map(brief)).toEqual([]);
  });

  it('a class extending an ioredis client is a client', () => {
    const ops = opsOf({
      '/p/redis.service.ts': `import Redis from 'ioredis'; export class RedisService extends Redis {}`,
      '/p/svc.ts': `import { RedisService } from './redis.service'; export class S { constructor(private readonly redis: RedisService) {} f() { return this.redis.set('a', 'b'); } }`,
    });
    expect(ops.map(brief)).toEqual(['ioredis:write:set:false']);
  });
});

describe('more shapes of clients and stores', () => {
  it.each([
    ['a Keyv store typed by its adapter interface', `import type { Store } from 'keyv'; export class C { constructor(private s: Store<any>) {} g() { return this.s.get('k'); } }`, 'keyv:read:get:undefined'],
    ['node-redis 3 RedisClient type', `import * as redis from 'redis'; export class C { private static c: redis.RedisClient = redis.createClient(); static d() { return C.c.del('k'); } }`, 'node-redis:delete:del:undefined'],
    ['a client or nothing by its declared type', `import Redis, { Cluster } from 'ioredis'; import { connect } from './connect'; const make = (): Redis | Cluster | null => connect(); export const r = make(); r!.set('k', 'v');`, 'ioredis:write:set:false'],
    ['a client or nothing by a conditional', `import Redis from 'ioredis'; const r = process.env.URL ? new Redis(process.env.URL) : null; r?.get('k');`, 'ioredis:read:get:undefined'],
    ['a whole store cleared', `import { createCache } from 'cache-manager'; const c = createCache({ ttl: 1000 }); c.clear();`, 'cache-manager:delete:delete:undefined'],
    ['bentocache set keeps the default TTL', `import cache from '@adonisjs/cache/services/main'; cache.set({ key: 'k', value: 1 });`, 'bentocache:write:set:true'],
    ['bentocache setForever says so', `import cache from '@adonisjs/cache/services/main'; cache.setForever({ key: 'k', value: 1 });`, 'bentocache:write:set:undefined'],
    ['bentocache read-through on a namespace', `import { BentoCache } from 'bentocache'; const b = new BentoCache({ default: 'm', stores: {} }); b.namespace('users').getOrSet({ key: 'u:1', factory: () => 1 });`, 'bentocache:read:getorset:undefined'],
    ['bentocache delete by options', `import cache from '@adonisjs/cache/services/main'; cache.delete({ key: 'k' });`, 'bentocache:delete:delete:undefined'],
  ])('%s', (_name, code, expected) => {
    expect(one(code).map(brief)).toEqual([expected]);
  });

  it('a number written back one up is a counter; any other number is not', () => {
    const ops = one(`import Redis from 'ioredis'; const r = new Redis();
      export async function f(id: string, total: number) {
        const n = Number(await r.get(\`views-\${id}\`));
        await r.set(\`views-\${id}\`, String(n + 1));
        await r.set(\`left-\${id}\`, \`\${n - 1}\`);
        await r.set(\`total-\${id}\`, String(total + 2));
        await r.set(\`label-\${id}\`, 'v' + 1);
      }`);
    expect(ops.filter((o) => o.kind === 'write').map((o) => o.use ?? '-')).toEqual(['counter', 'counter', '-', '-']);
  });

  it('a JavaScript binding typed by JSDoc with a library client type; a TypeScript file ignores JSDoc', () => {
    const js = `/** @type {import("ioredis").Redis} */
      let redis;
      /**
       * @param {{ id: string }} user
       * @param {import('ioredis').Redis} cache the second store
       */
      async function f(user, cache) { await redis.get('a'); await cache.del('b'); }
      /** @param {import('./mine').Store} store */
      async function g(store) { await store.get('c'); }`;
    expect(opsOf({ '/p/a.js': js }).map(brief)).toEqual(['ioredis:read:get:undefined', 'ioredis:delete:del:undefined']);
    expect(opsOf({ '/p/a.ts': js }).map(brief)).toEqual([]);
  });

  it('a cache port written as an object type, behind a lazy Proxy, deleting a list of keys, its TTL in ms by name', () => {
    const ops = opsOf({
      '/p/cache.ts': `type CacheService = { get<T>(key: string): Promise<T | null>; set(key: string, value: unknown, ttlMs?: number): Promise<void>; del(keys: string[]): Promise<void> };
        declare function load(): Promise<CacheService>;
        export const cache = new Proxy({} as CacheService, { get: (_t, prop) => async (...a: unknown[]) => ((await load()) as any)[prop](...a) });`,
      '/p/use.ts': `import { cache } from './cache';
        export async function f(id: string) { await cache.set(\`org:\${id}\`, 1, 60_000); await cache.del([\`org:\${id}\`]); }`,
    });
    expect(ops.map((o) => `${o.lib}:${o.kind}:${o.key?.shape}:${o.ttlSeconds ?? '-'}`)).toEqual(['keyed-store:write:org:{}:60', 'keyed-store:delete:org:{}:-']);
  });

  it('a cache port imported from another file keeps its TTL unit (`ttlMs`)', () => {
    const ops = opsOf({
      '/p/port.ts': `export interface CachePort { get(key: string): Promise<unknown>; set(key: string, value: unknown, ttlMs?: number): Promise<void>; delete(key: string): Promise<void> }`,
      '/p/svc.ts': `import type { CachePort } from './port';
        export class Svc { constructor(private readonly cache: CachePort) {} f(id: string) { return this.cache.set(\`org:\${id}\`, 1, 60_000); } }`,
    });
    expect(ops.map((o) => `${o.lib}:${o.kind}:${o.ttlSeconds}`)).toEqual(['keyed-store:write:60']);
  });

  it('reads a bentocache options object as its key and TTL', () => {
    const [op] = one(`import cache from '@adonisjs/cache/services/main'; export const f = (id: string) => cache.set({ key: \`user:\${id}\`, value: 1, ttl: '5m' });`);
    expect(op.key?.shape).toBe('user:{}');
    expect(op.ttl).toBe(true);
  });

  it('takes the unit of a wrapper’s TTL parameter from the branch that hands it on (`PX`)', () => {
    const ops = opsOf({
      '/p/util.ts': `import Redis from 'ioredis';
        export class RedisUtil {
          constructor(private readonly client: Redis) {}
          async set(key: string, val: string, ttl?: number) {
            if (!ttl) return this.client.set(key, val);
            return this.client.set(key, val, 'PX', ttl);
          }
        }`,
      '/p/use.ts': `import { RedisUtil } from './util'; export const f = (u: RedisUtil, id: string) => u.set('captcha:' + id, 'x', 1000 * 60 * 5);`,
    });
    const w = ops.find((o) => o.file === '/p/use.ts');
    expect(w?.ttlSeconds).toBe(300);
  });
});

describe('key prefixes', () => {
  it('puts an ioredis keyPrefix in front of the client key shapes', () => {
    const ops = one(`import Redis from 'ioredis';
      const prefixed = new Redis({ keyPrefix: 'cache:' }); const plain = new Redis();
      export async function f(id: string) { await prefixed.get(\`product:\${id}\`); await plain.del(\`cache:product:\${id}\`); }`);
    expect(ops.map((o) => o.key?.shape)).toEqual(['cache:product:{}', 'cache:product:{}']);
  });
});

describe('incremental linking', () => {
  it('re-links only the edited file when its exports stay the same, and everything when they change', () => {
    const a = new Analyzer({ configFor: () => defaultConfig() });
    a.setFile('/p/redis.ts', `import Redis from 'ioredis'; export const redis = new Redis();`);
    a.setFile('/p/svc.ts', `import { redis } from './redis'; export class Svc { async f() { await redis.set('a', 'b'); } }`);
    a.setFile('/p/other.ts', `import { redis } from './redis'; export const g = () => redis.get('k');`);
    const first = a.project();
    a.setFile('/p/svc.ts', `import { redis } from './redis'; export class Svc { async f() { await redis.set('a', 'b', 'EX', 5); } }`);
    const second = a.project();
    expect(second.files.get('/p/other.ts')).toBe(first.files.get('/p/other.ts'));
    expect(second.ops.find((o) => o.file === '/p/svc.ts')?.ttl).toBe(true);
    // the client module stops exporting a client: every file is linked again
    a.setFile('/p/redis.ts', `export const redis = new Map();`);
    const third = a.project();
    expect(third.files.get('/p/other.ts')).not.toBe(second.files.get('/p/other.ts'));
    expect(third.ops).toEqual([]);
  });
});
