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
  it('a let object assigned again is not followed', () => {
    const ctx = ctxOf("let K = { USER: 'user:' };\nif (legacy) K = { USER: 'u:' };\nredis.get(K.USER + id)");
    expect(keyExprOf(argOf(ctx), ctx).parts).toEqual([{ hole: 'K.USER' }, { hole: 'id' }]);
  });
  it('a let object nothing assigns again holds its first value', () => {
    const ctx = ctxOf("let K = { USER: 'user:' };\nredis.get(K.USER + id)");
    expect(keyExprOf(argOf(ctx), ctx).parts).toEqual([{ lit: 'user:' }, { hole: 'id' }]);
  });
});

describe('clients held in objects', () => {
  it('export default { client, enabled } with a typed wrapper client, used as redis.client.set', () => {
    const ops = opsOf({
      '/p/lib/redis.ts': `import { createClient, type RedisClientType } from 'redis';
        class AppRedis {
          client: RedisClientType;
          constructor(url: string) { this.client = createClient({ url }) as RedisClientType; }
          async set(key: string, value: unknown, time?: number) { return this.client.set(key, JSON.stringify(value), { EX: time ?? 3600 }); }
          async del(key: string) { return this.client.del(key); }
        }
        const client: AppRedis = (globalThis as any).redis || new AppRedis(process.env.REDIS_URL!);
        const enabled = !!process.env.REDIS_URL;
        export default { client, enabled };`,
      '/p/website.ts': "import redis from './lib/redis';\nexport async function reset(id: string, data: object) { await redis.client.set(`website:${id}`, data); await redis.client.del(`website:${id}`); }",
    });
    const outside = ops.filter((o) => o.file === '/p/website.ts');
    expect(outside.map((o) => `${o.lib}:${o.verb} via ${o.wrapper} ${o.key?.shape} ttl=${o.ttl}`)).toEqual([
      'node-redis:set via AppRedis.set website:{} ttl=true',
      'node-redis:del via AppRedis.del website:{} ttl=undefined',
    ]);
  });
  it('named object exports and nested objects holding clients', () => {
    const ops = opsOf({
      '/p/clients.ts': "import Redis from 'ioredis';\nimport Keyv from 'keyv';\nexport const clients = { redis: new Redis(), stores: { local: new Keyv() } };\n",
      '/p/svc.ts': "import { clients } from './clients';\nexport const f = (id: string) => { clients.redis.get(`a:${id}`); clients.stores.local.set(`b:${id}`, 1); };\n",
    });
    expect(brief(ops)).toEqual(['ioredis:get a:{}', 'keyv:set b:{}']);
  });
  it('a local const object member', () => {
    const ops = opsOf({ '/p/a.ts': "import Redis from 'ioredis';\nconst infra = { cache: { redis: new Redis() } };\nexport const f = () => infra.cache.redis.del('k:1');\n" });
    expect(brief(ops)).toEqual(['ioredis:del k:1']);
  });
  it('a non-client member, a let object and a spread that may override stay unresolved', () => {
    const ops = opsOf({
      '/p/a.ts': `import Redis from 'ioredis';
        const a = { map: new Map<string, string>() };
        let b = { redis: new Redis() };
        const c = { redis: new Redis(), ...(globalThis as any).overrides };
        export const f = () => { a.map.set('k', 'v'); b.redis.set('k', 'v'); c.redis.set('k', 'v'); };`,
    });
    expect(brief(ops)).toEqual([]);
  });
});

describe('clients behind getters', () => {
  it('an exported getter function, called in another file', () => {
    const ops = opsOf({
      '/p/redis.ts': "import Redis from 'ioredis';\nconst redis = new Redis();\nexport function getRedis() { return redis; }\nexport const getCache = async (): Promise<Redis> => redis;\n",
      '/p/svc.ts': "import { getRedis, getCache } from './redis';\nexport async function f(id: string) { await getRedis().set(`u:${id}`, 'v'); await (await getCache()).del(`u:${id}`); }\n",
    });
    expect(brief(ops)).toEqual(['ioredis:set u:{}', 'ioredis:del u:{}']);
  });
  it('the getter itself is no client, and a call of an exported client is none either', () => {
    const ops = opsOf({
      '/p/redis.ts': "import Redis from 'ioredis';\nexport const redis = new Redis();\nexport function getRedis() { return redis; }\n",
      '/p/svc.ts': "import { getRedis, redis } from './redis';\nexport function f() { (getRedis as any).set('a', 1); (redis as any)().set('b', 1); }\n",
    });
    expect(brief(ops.filter((o) => o.file === '/p/svc.ts'))).toEqual([]);
  });
  it('a local getter and a getter method of the class', () => {
    const ops = opsOf({
      '/p/a.ts': `import Redis from 'ioredis';
        const redis = new Redis();
        const getRedis = () => redis;
        export class S {
          private readonly client = new Redis();
          getClient(): Redis { return this.client; }
          f(id: string) { getRedis().get('a:' + id); return this.getClient().del('b:' + id); }
        }`,
    });
    expect(brief(ops)).toEqual(['ioredis:get a:{}', 'ioredis:del b:{}']);
  });
  it('the result of any other imported function is no client', () => {
    const ops = opsOf({
      '/p/users.ts': "export function getUsers() { return new Map<string, string>(); }\n",
      '/p/svc.ts': "import { getUsers } from './users';\nexport function f() { getUsers().set('a', 'b'); getUsers().delete('a'); }\n",
    });
    expect(brief(ops)).toEqual([]);
  });
});

describe('clients assigned after their declaration', () => {
  it('let redis = null; try { redis = new Redis(url) } catch {}', () => {
    const ops = opsOf({
      '/p/a.ts': "import Redis from 'ioredis';\nlet redis: any = null;\ntry { redis = new Redis(process.env.URL!); } catch {}\nexport const f = (id: string) => redis?.set(`u:${id}`, 'v');\n",
    });
    expect(brief(ops)).toEqual(['ioredis:set u:{}']);
  });
  it('let c; if (url) c = createClient() — inside a function too', () => {
    const ops = opsOf({
      '/p/a.ts': "import { createClient } from 'redis';\nlet c;\nexport async function connect(url?: string) { if (url) c = createClient({ url }); }\nexport const f = (id: string) => c.get(`u:${id}`);\n",
    });
    expect(brief(ops)).toEqual(['node-redis:get u:{}']);
  });
  it('CommonJS: let c = null; module.exports = { set: (k, v, ex) => c.set(k, v, "EX", ex) }', () => {
    const ops = opsOf({
      '/p/cache.js': "const Redis = require('ioredis');\nlet c = null;\nfunction init(url) { c = new Redis(url); }\nmodule.exports = { init, set: (k, v, ex) => c.set(k, v, 'EX', ex), del: (k) => c.del(k) };\n",
      '/p/svc.js': "const cache = require('./cache');\nasync function f(id, u) { await cache.set(`user:${id}`, u, 60); await cache.del(`user:${id}`); }\nmodule.exports = { f };\n",
    });
    expect(brief(ops.filter((o) => o.file === '/p/svc.js'))).toEqual(['ioredis:set user:{}', 'ioredis:del user:{}']);
    expect(ops.find((o) => o.file === '/p/svc.js' && o.verb === 'set')?.ttl).toBe(true);
  });
  it('an assignment of anything but a client, or two libraries, leaves it unknown', () => {
    const ops = opsOf({
      '/p/a.ts': `import Redis from 'ioredis';
        import { createClient } from 'redis';
        let a: any = null; a = new Redis(); a = new Map();
        let b: any; b = new Redis(); b = createClient();
        export const f = () => { a.set('k', 'v'); b.set('k', 'v'); };`,
    });
    expect(brief(ops)).toEqual([]);
  });
  it('a shadowing inner variable of the same name does not count', () => {
    const ops = opsOf({
      '/p/a.ts': "import Redis from 'ioredis';\nlet c: any = null;\nfunction g() { let c; c = new Redis(); return c; }\nexport const f = () => c.set('k', 'v');\n",
    });
    expect(brief(ops.filter((o) => o.call.key?.text === "'k'"))).toEqual([]);
  });
});

describe('clients inherited or held by a container', () => {
  it('this.client declared in a base class of another file', () => {
    const ops = opsOf({
      '/p/base-cache.ts': "import Redis from 'ioredis';\nexport abstract class BaseCache {\n  constructor(protected readonly client: Redis) {}\n}\n",
      '/p/user-cache.ts': "import { BaseCache } from './base-cache';\nexport class UserCache extends BaseCache {\n  async user(id: string) { return this.client.get(`user:${id}`); }\n  drop(id: string) { return this.client.del(`user:${id}`); }\n}\n",
    });
    expect(brief(ops)).toEqual(['ioredis:get user:{}', 'ioredis:del user:{}']);
  });
  it('two levels of local base classes, and an inherited getter method', () => {
    const ops = opsOf({
      '/p/a.ts': `import { createClient } from 'redis';
        class Root { protected redis = createClient(); protected conn() { return this.redis; } }
        class Mid extends Root {}
        export class Leaf extends Mid { f(id: string) { this.redis.get('a:' + id); return this.conn().del('b:' + id); } }`,
    });
    expect(brief(ops)).toEqual(['node-redis:get a:{}', 'node-redis:del b:{}']);
  });
  it('a member the class declares itself is not the base one', () => {
    const ops = opsOf({
      '/p/base.ts': "import Redis from 'ioredis';\nexport class Base { constructor(protected client: Redis) {} }\n",
      '/p/sub.ts': "import { Base } from './base';\nexport class Sub extends Base {\n  private store = new Map<string, string>();\n  f() { this.store.set('k', 'v'); this.store.delete('k'); }\n}\n",
    });
    expect(brief(ops)).toEqual([]);
  });
  it('a DI container typed inline, by a local interface and by an imported interface', () => {
    const ops = opsOf({
      '/p/clients.ts': "import Redis from 'ioredis';\nimport type { Cache } from 'cache-manager';\nexport interface AppClients { redis: Redis; cache: Cache; name: string }\n",
      '/p/svc.ts': `import Redis from 'ioredis';
        import type { AppClients } from './clients';
        interface Local { kv: Redis }
        type Alias = { kv2: Redis };
        export class S {
          constructor(private readonly clients: AppClients, private inline: { redis: Redis }, private local: Local, private alias: Alias) {}
          f(id: string) {
            this.clients.redis.get('a:' + id);
            this.clients.cache.del('b:' + id);
            this.inline.redis.get('c:' + id);
            this.local.kv.get('d:' + id);
            return this.alias.kv2.get('e:' + id);
          }
          g(id: string) { (this.clients as any).name.get('f:' + id); }
        }`,
    });
    expect(brief(ops)).toEqual(['ioredis:get a:{}', 'cache-manager:del b:{}', 'ioredis:get c:{}', 'ioredis:get d:{}', 'ioredis:get e:{}']);
  });
  it('a getter method of a project service in another file: this.redisService.getRedis().del(k)', () => {
    const ops = opsOf({
      '/p/redis.service.ts': "import Redis from 'ioredis';\nexport class RedisService {\n  private readonly clients = new Map<string, Redis>();\n  getRedis(name = 'default'): Redis { return this.clients.get(name)!; }\n  ping() { return 'pong'; }\n}\n",
      '/p/login.ts': "import { RedisService } from './redis.service';\nexport class Login {\n  constructor(private redisService: RedisService) {}\n  out(id: string) { return this.redisService.getRedis().del(`admin:token:${id}`); }\n  other(id: string) { return (this.redisService as any).ping().del(`x:${id}`); }\n}\n",
    });
    expect(brief(ops.filter((o) => o.file === '/p/login.ts'))).toEqual(['ioredis:del admin:token:{}']);
  });
});

describe('key prefixes set in a constructor', () => {
  it("this.prefix = 'memberAttributes:' in the constructor is the prefix of every key", () => {
    const ops = opsOf({
      '/p/cache.ts': "import Redis from 'ioredis';\nexport class AttrCache {\n  private prefix: string;\n  constructor(private redis: Redis) { this.prefix = 'memberAttributes:'; }\n  get(k: string) { return this.redis.get(this.prefix + k); }\n}\n",
      '/p/svc.ts': "import { AttrCache } from './cache';\nexport const f = (c: AttrCache, t: string) => c.get(`tenant:${t}`);\n",
    });
    expect(brief(ops.filter((o) => o.file === '/p/svc.ts'))).toEqual(['ioredis:get memberAttributes:tenant:{}']);
  });
  it('a prefix assigned twice, conditionally, or outside the constructor stays a hole', () => {
    const ctx = ctxOf(`class A { p: string; constructor(x: boolean) { if (x) this.p = 'a:'; } f(id: string) { redis.get(this.p + id) } }
      class B { p = 'b:'; constructor() { this.p = 'b2:'; } reset() { this.p = 'c:'; } f(id: string) { redis.get(this.p + id) } }`);
    expect(keyExprOf(argOf(ctx), ctx).parts).toEqual([{ hole: 'this.p' }, { hole: 'id' }]);
  });
  it('a readonly field re-assigned in the constructor holds the constructor value, not its initializer', () => {
    const ctx = ctxOf("class A { readonly p = 'old:'; constructor() { this.p = 'new:'; } f(id: string) { redis.get(this.p + id) } }");
    expect(keyExprOf(argOf(ctx), ctx).parts).toEqual([{ lit: 'new:' }, { hole: 'id' }]);
  });
  it('constructor parameters become #ctor holes, filled from a visible new X(literal)', () => {
    const cache = `import { createClient } from 'redis';
      type RedisClient = ReturnType<typeof createClient>;
      export class RedisCache {
        private readonly prefixer: (key: string) => string;
        private readonly directory: string;
        constructor(public readonly name: string, private readonly client: import('redis').RedisClientType, private readonly sep = ':') {
          this.directory = \`cache_\${name}\`;
          this.prefixer = (key: string) => \`\${this.directory}\${this.sep}\${key}\`;
        }
        async get(key: string) { const actualKey = this.prefixer(key); return this.client.get(actualKey); }
        async delete(key: string) { return this.client.del(this.prefixer(key)); }
      }`;
    const ops = opsOf({
      '/p/cache.ts': cache.replace("import('redis').RedisClientType", 'RedisClientTypeAlias').replace("type RedisClient = ReturnType<typeof createClient>;", "import type { RedisClientType } from 'redis';\n      type RedisClientTypeAlias = RedisClientType;"),
      '/p/repo.ts': `import { RedisCache } from './cache';
        export class Repo {
          private readonly cache: RedisCache;
          constructor(redis: any) { this.cache = new RedisCache('memberAttributes', redis); }
          read() { return this.cache.get('default'); }
        }
        export async function drop(redis: any, tenantId: string, name: string, injected: RedisCache) {
          await new RedisCache('memberAttributes', redis, '/').delete(tenantId);
          await new RedisCache(name, redis).delete(tenantId);
          await injected.delete(tenantId);
        }`,
    });
    expect(brief(ops.filter((o) => o.file === '/p/repo.ts'))).toEqual([
      'node-redis:get cache_memberAttributes:default',
      'node-redis:del cache_memberAttributes/{}',
      'node-redis:del cache_{}:{}',
      'node-redis:del cache_{}',
    ]);
  });
  it('an instance of a subclass does not take the base constructor arguments', () => {
    const ops = opsOf({
      '/p/cache.ts': "import Redis from 'ioredis';\nexport class Cache {\n  constructor(private redis: Redis, private readonly prefix: string) {}\n  get(k: string) { return this.redis.get(`${this.prefix}:${k}`); }\n}\nexport class UserCache extends Cache {\n  constructor(redis: Redis, tenant: string) { super(redis, `user_${tenant}`); }\n}\n",
      '/p/svc.ts': "import Redis from 'ioredis';\nimport { Cache, UserCache } from './cache';\nconst redis = new Redis();\nexport const f = () => { new UserCache(redis, 'acme').get('1'); new Cache(redis, 'plain').get('2'); };\n",
    });
    expect(brief(ops.filter((o) => o.file === '/p/svc.ts'))).toEqual(['ioredis:get {}:1', 'ioredis:get plain:2']);
  });
});
