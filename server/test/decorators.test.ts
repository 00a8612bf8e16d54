// Unit tests for project cache decorators: the factory's facts (facts/cache/decorators.ts), the
// decorations recorded as calls (facts/cache/decorator-uses.ts), and the ops the linker makes of
// them (model/decorated-ops.ts): keys from templates, TTLs given, defaulted or left out, and when
// each call runs against the original method.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config';
import { extractFacts } from '../src/facts/index';
import { expandTemplate } from '../src/model/decorated-ops';
import { Analyzer } from '../src/engine/run';
import type { FnFact } from '../src/facts/types';

const DIR = '/p/src';

function facts(text: string, file = `${DIR}/x.ts`) {
  return extractFacts(file, text, defaultConfig());
}

/** The linked project of in-memory files, and each file's cache ops as short strings. */
function ops(files: Record<string, string>): string[] {
  const analyzer = new Analyzer({ configFor: () => defaultConfig() });
  for (const [f, t] of Object.entries(files)) analyzer.setFile(path.join(DIR, f), t);
  const project = analyzer.project();
  return project.ops
    .filter((o) => o.decorated)
    .map((o) => `${path.basename(o.file)} ${o.wrapper} ${o.kind} ${o.key?.shape} ttl=${o.ttl} ${o.decorated!.original} after=${o.call.afterWrites.length}${o.fallback ? ' fb=' + o.fallback : ''}`);
}

const NEST_ADMIN = `import { Inject } from '@nestjs/common';
import { RedisService } from './redis.service';
import { paramsKeyFormat } from './format';

export function CacheEvict(CACHE_NAME: string, CACHE_KEY: string) {
  const injectRedis = Inject(RedisService);
  return function (target: any, propertyKey: string, descriptor: PropertyDescriptor) {
    injectRedis(target, 'redis');
    const originMethod = descriptor.value;
    descriptor.value = async function (...args: any[]) {
      const key = paramsKeyFormat(originMethod, CACHE_KEY, args);
      if (key !== null) await this.redis.del(\`\${CACHE_NAME}\${key}\`);
      else await this.redis.del(\`\${CACHE_NAME}\${CACHE_KEY}\`);
      return await originMethod.apply(this, args);
    };
  };
}

export function Cacheable(CACHE_NAME: string, CACHE_KEY: string, CACHE_EXPIRESIN?: number) {
  const injectRedis = Inject(RedisService);
  return function (target: any, propertyKey: string, descriptor: PropertyDescriptor) {
    injectRedis(target, 'redis');
    const originMethod = descriptor.value;
    descriptor.value = async function (...args: any[]) {
      const key = paramsKeyFormat(originMethod, CACHE_KEY, args);
      if (key === null) return await originMethod.apply(this, args);
      const cacheResult = await this.redis.get(\`\${CACHE_NAME}\${key}\`);
      if (!cacheResult) {
        const result = await originMethod.apply(this, args);
        await this.redis.set(\`\${CACHE_NAME}\${key}\`, result, CACHE_EXPIRESIN);
        return result;
      }
      return cacheResult;
    };
  };
}`;

const REDIS_SERVICE = `import Redis from 'ioredis';
export class RedisService {
  constructor(private readonly client: Redis) {}
  get(key: string) { return this.client.get(key); }
  set(key: string, v: unknown, ttl?: number) { return ttl ? this.client.set(key, JSON.stringify(v), 'EX', ttl) : this.client.set(key, JSON.stringify(v)); }
  del(key: string) { return this.client.del(key); }
}`;

describe('decorator factories', () => {
  it('records the wrapper\'s calls: keys from the prefix and the template, the TTL parameter, the order against the original', () => {
    const f = facts(NEST_ADMIN);
    expect(f.exports.Cacheable).toEqual({ t: 'decorator', name: 'Cacheable' });
    const [evict, cacheable] = f.decorators!;
    expect(evict.name).toBe('CacheEvict');
    const show = (id: number) => `${f.calls[id].method}(${JSON.stringify(f.calls[id].receiver)})`;
    expect(evict.calls.map((c) => [show(c.id), JSON.stringify(c.key), c.original])).toEqual([
      [`paramsKeyFormat({"t":"fn","ref":{"module":"./format","name":"paramsKeyFormat"}})`, '[{"hole":"descriptor.value"}]', 'before'],
      [`del({"t":"type","ref":{"module":"./redis.service","name":"RedisService"}})`, '[{"param":0},{"template":1}]', 'before'],
      [`del({"t":"type","ref":{"module":"./redis.service","name":"RedisService"}})`, '[{"param":0},{"param":1}]', 'before'],
    ]);
    const set = cacheable.calls.find((c) => f.calls[c.id].method === 'set')!;
    const get = cacheable.calls.find((c) => f.calls[c.id].method === 'get')!;
    expect(set.argParams).toEqual([null, null, { param: 2 }]);
    expect([get.original, set.original]).toEqual(['before', 'after']);
    expect(cacheable.params.map((p) => `${p.name}${p.optional ? '?' : ''}`)).toEqual(['CACHE_NAME', 'CACHE_KEY', 'CACHE_EXPIRESIN?']);
  });

  it('arrow factories with an options object; `ttl ?? 3600` is a fallback; `x as CacheService` is a client', () => {
    const f = facts(`import { CacheService } from './cache.service';
const fmt = (t: string, a: unknown[]) => t.replace(/#\\{(\\w+)\\}/g, (_m, n) => String(a[0]));
export const Cache = (options: { key: string; ttl?: number }) => (target: object, k: string, descriptor: PropertyDescriptor) => {
  const original = descriptor.value;
  descriptor.value = async function (...args: unknown[]) {
    const cache = (this as any).cacheService as CacheService;
    const key = fmt(options.key, args);
    const result = await original.apply(this, args);
    await cache.set(key, result, options.ttl ?? 3600);
    return result;
  };
};`);
    const [d] = f.decorators!;
    expect(d.name).toBe('Cache');
    const set = d.calls.find((c) => f.calls[c.id].method === 'set')!;
    expect(f.calls[set.id].receiver).toEqual({ t: 'type', ref: { module: './cache.service', name: 'CacheService' } });
    expect(set).toMatchObject({ key: [{ template: 0, prop: 'key' }], argParams: [null, null, { param: 0, prop: 'ttl', fallback: true }], original: 'after' });
  });

  it('a method decorator that only logs, and a class decorator, are no cache decorators', () => {
    const f = facts(`export function Log() { return (t: any, k: string, descriptor: PropertyDescriptor) => { const o = descriptor.value; descriptor.value = function (...a: any[]) { console.log(k); return o.apply(this, a); }; }; }
export function Sealed(ctor: Function) { Object.seal(ctor); }`);
    expect(f.decorators?.map((d) => [d.name, d.calls.length])).toEqual([['Log', 0]]);
  });
});

describe('decorations', () => {
  it('are call facts of the decorated method, with its writes and what a miss loads', () => {
    const f = facts(`import { Cacheable, CacheEvict } from '../common/redis.decorator';
import { Get } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export class UserService {
  @Get() @Cacheable('sys_user:', '{userId}') async findOne(userId: number) { return prisma.user.findUnique({ where: { id: userId } }); }
  @CacheEvict('sys_user:', '{id}') async rename(id: number, name: string) { await prisma.user.update({ where: { id }, data: { name } }); }
}`);
    const uses = f.calls.filter((c) => c.receiver.t === 'decorator');
    expect(uses.map((c) => [c.method, JSON.stringify(c.receiver), c.args.map((a) => a.str), f.fns[c.fn - 1].name, c.afterWrites.length, c.fallback])).toEqual([
      ['Cacheable', '{"t":"decorator","ref":{"module":"../common/redis.decorator","name":"Cacheable"}}', ['sys_user:', '{userId}'], 'findOne', 0, 'db'],
      ['CacheEvict', '{"t":"decorator","ref":{"module":"../common/redis.decorator","name":"CacheEvict"}}', ['sys_user:', '{id}'], 'rename', 1, 'call'],
    ]);
  });

  it('Nest @CacheKey counts only under CacheInterceptor, with @CacheTTL as its second argument', () => {
    const f = facts(`import { CacheInterceptor, CacheKey, CacheTTL } from '@nestjs/cache-manager';
import { UseInterceptors } from '@nestjs/common';
export class A { @UseInterceptors(CacheInterceptor) @CacheKey('a') @CacheTTL(10) a() {} @CacheKey('b') b() {} }`);
    const uses = f.calls.filter((c) => c.receiver.t === 'decorator');
    expect(uses.map((c) => [c.key?.text, c.args.map((a) => a.num ?? a.str)])).toEqual([["'a'", ['a', 10]]]);
  });
});

describe('decorated ops', () => {
  const service = (decorations: string) => `import { Cacheable, CacheEvict } from './redis.decorator';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export class S {
${decorations}
}`;

  it('read-through fills with the decoration\'s key; the TTL left out, given, or defaulted', () => {
    const got = ops({
      'redis.decorator.ts': NEST_ADMIN,
      'redis.service.ts': REDIS_SERVICE,
      'format.ts': `export function paramsKeyFormat(f: any, k: string, a: any[]) { return k; }`,
      's.ts': service(`  @Cacheable('user:', '{id}') async a(id: string) { return prisma.user.findUnique({ where: { id } }); }
  @Cacheable('user:', 'list:{0}', 60) async b(team: string) { return prisma.user.findMany({ where: { team } }); }
  @CacheEvict('user:', '{dto.id}') async c(dto: { id: string }) { await prisma.user.update({ where: { id: dto.id }, data: {} }); }
  @CacheEvict('user:', '*') async d() { await prisma.user.deleteMany(); }`),
    });
    expect(got).toEqual([
      's.ts @Cacheable read user:{} ttl=undefined before after=0 fb=db',
      's.ts @Cacheable write user:{} ttl=false after after=0',
      's.ts @Cacheable read user:list:{} ttl=undefined before after=0 fb=db',
      's.ts @Cacheable write user:list:{} ttl=true after after=0',
      // deleted before the method runs: it follows no write of it
      's.ts @CacheEvict delete user:{} ttl=undefined before after=0',
    ]);
  });

  it('a TTL parameter with a default, and a wrapper that deletes after the method', () => {
    const got = ops({
      'd.ts': `import Redis from 'ioredis';
const redis = new Redis();
export function Cacheable(key: string, ttl = 300) {
  return (_t: object, _k: string, descriptor: PropertyDescriptor) => {
    const fn = descriptor.value;
    descriptor.value = async function (...args: unknown[]) {
      const k = key.replace('{0}', String(args[0]));
      const hit = await redis.get(k);
      if (hit) return hit;
      const v = await fn.apply(this, args);
      await redis.set(k, v, 'EX', ttl);
      return v;
    };
  };
}
export function Evict(key: string) {
  return (_t: object, _k: string, descriptor: PropertyDescriptor) => {
    const fn = descriptor.value;
    descriptor.value = async function (...args: unknown[]) { const r = await fn.apply(this, args); await redis.del(key.replace('{0}', String(args[0]))); return r; };
  };
}`,
      's.ts': `import { Cacheable, Evict } from './d';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export class S {
  @Cacheable('team:{0}') async a(id: string) { return prisma.team.findUnique({ where: { id } }); }
  @Evict('team:{0}') async b(id: string) { await prisma.team.delete({ where: { id } }); }
}`,
    });
    expect(got).toEqual([
      's.ts @Cacheable read team:{} ttl=undefined before after=0 fb=db',
      's.ts @Cacheable write team:{} ttl=true after after=0',
      's.ts @Evict delete team:{} ttl=undefined after after=1',
    ]);
  });
});

describe('keys scoped by tenant', () => {
  const decorator = (test: string, scoped: string, plain: string) => `import Redis from 'ioredis';
import { TenantContext } from './tenant';
const redis = new Redis();
export function Cacheable(NAME: string, TEMPLATE: string) {
  return (_t: object, _k: string, descriptor: PropertyDescriptor) => {
    const fn = descriptor.value;
    descriptor.value = async function (...args: unknown[]) {
      const key = TEMPLATE.replace('{0}', String(args[0]));
      const tenantId = TenantContext.getTenantId();
      const isAdmin = TenantContext.isAdmin();
      const fullKey = ${test} ? \`${scoped}\` : \`${plain}\`;
      const hit = await redis.get(fullKey);
      if (hit) return hit;
      const v = await fn.apply(this, args);
      await redis.set(fullKey, v, 'EX', 60);
      return v;
    };
  };
}`;
  const service = `import { Cacheable } from './d';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export class S {
  @Cacheable('cfg:', '{0}') async get(name: string) { return prisma.config.findFirst({ where: { name } }); }
}`;
  const scopedOf = (d: string) => {
    const analyzer = new Analyzer({ configFor: () => defaultConfig() });
    analyzer.setFile(`${DIR}/d.ts`, d);
    analyzer.setFile(`${DIR}/s.ts`, service);
    return analyzer
      .project()
      .ops.filter((o) => o.decorated)
      .map((o) => `${o.kind} ${o.key?.shape} ${o.key?.scoped ? `${o.key.scoped.shape} when ${o.key.scoped.by}` : '-'}`);
  };

  it('records the branch with the scope in it, and the scope\'s name', () => {
    const f = facts(decorator('tenantId', '${NAME}${tenantId}:${key}', '${NAME}${key}'));
    const get = f.decorators![0].calls.find((c) => f.calls[c.id].method === 'get')!;
    expect(get.scoped).toEqual({ key: [{ param: 0 }, { hole: 'TenantContext.getTenantId()' }, { lit: ':' }, { template: 1 }], by: 'tenantId' });
    expect(scopedOf(decorator('tenantId', '${NAME}${tenantId}:${key}', '${NAME}${key}'))).toEqual([
      'read cfg:{} cfg:{}:{} when tenantId',
      'write cfg:{} cfg:{}:{} when tenantId',
    ]);
  });

  it('no scope when the test is not the extra part of the key', () => {
    // the test is a flag, not a value in the key
    expect(scopedOf(decorator('isAdmin', '${NAME}admin:${key}', '${NAME}${key}'))).toEqual(['read cfg:admin:{} -', 'write cfg:admin:{} -']);
    // the scope's value is in both branches
    expect(scopedOf(decorator('tenantId', '${NAME}${tenantId}:${key}', '${NAME}${tenantId}')).every((s) => s.endsWith(' -'))).toBe(true);
  });
});

describe('key templates', () => {
  const params: FnFact['params'] = [
    { name: 'id', optional: false, hasDefault: false },
    { name: 'dto', optional: false, hasDefault: false },
  ];
  const shape = (t: string) => expandTemplate(t, params)?.map((p) => ('lit' in p ? p.lit : `{${'hole' in p ? p.hole : '?'}}`)).join('');
  it.each([
    ['user:{0}', 'user:{id}'],
    ['user:{1}', 'user:{dto}'],
    ['user:{id}', 'user:{id}'],
    ['user:{dto.userId}', 'user:{dto.userId}'],
    ['dict:#{id}', 'dict:{id}'],
    ['dict:${id}', 'dict:{id}'],
    ['user::id', 'user::{id}'],
    ['sys_dept:findOne:{id}', 'sys_dept:findOne:{id}'],
    ['list', 'list'],
  ])('%s', (t, want) => expect(shape(t)).toBe(want));
  it('`*` selects every key under the prefix: no single key', () => expect(expandTemplate('*', params)).toBeUndefined());
});
