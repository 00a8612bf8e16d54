import { describe, expect, it } from 'vitest';
import { driftBetween, entityOfShape, expandKey, familyWord, namesWord, shapeNamesEntity, shapeNamesLinkOwner, shapeNamesOwnerOf, shapeOf, shapesMatch, type Resolve } from '../src/facts/keys/shapes';
import type { ExportValue, KeyPart } from '../src/facts/types';

/** A resolver over a fake project: `{ module: { exportName: value } }`. */
function resolver(modules: Record<string, Record<string, ExportValue>>): Resolve {
  return (ref) => modules[ref.module]?.[ref.name];
}

describe('expandKey', () => {
  const keys: Record<string, ExportValue> = {
    PREFIX: { t: 'string', value: 'shop' },
    productKey: { t: 'key', parts: [{ lit: 'product:v2:' }, { hole: 'id' }], params: ['id'] },
    keyFor: { t: 'key', parts: [{ hole: 'entity' }, { lit: ':' }, { hole: 'id' }], params: ['entity', 'id'] },
    TEMPLATE: { t: 'key', parts: [{ lit: 'cfg:' }, { hole: 'process.env.STAGE' }], params: [] },
    CacheKeys: {
      t: 'object',
      members: {
        user: { t: 'key', parts: [{ lit: 'user:' }, { hole: 'id' }], params: ['id'] },
        nested: { t: 'object', members: { list: { t: 'string', value: 'users:all' } } },
      },
    },
    Again: { t: 'reexport', ref: { module: './keys', name: 'CacheKeys', member: ['user'] } },
    userKey: { t: 'key', parts: [{ ref: { module: './keys', name: 'keyFor' }, args: ['"user"', 'id'] }], params: ['id'] },
    NOT_FOUND: { t: 'sentinel' },
    Loop: { t: 'reexport', ref: { module: './keys', name: 'Loop' } },
  };
  const resolve = resolver({ './keys': keys });
  const ref = (name: string, member?: string[], args?: string[]): KeyPart => ({ ref: { module: './keys', name, ...(member ? { member } : {}) }, ...(args ? { args } : {}) });

  it('a string constant becomes literal text merged with its neighbours', () => {
    expect(expandKey([ref('PREFIX'), { lit: ':' }, { hole: 'id' }], resolve)).toEqual([{ lit: 'shop:' }, { hole: 'id' }]);
  });
  it('a builder call substitutes its parameters by the call arguments', () => {
    expect(expandKey([ref('productKey', undefined, ['p.id'])], resolve)).toEqual([{ lit: 'product:v2:' }, { hole: 'p.id' }]);
  });
  it("an argument naming a constant of the caller's file is that constant's text (resolved from the caller)", () => {
    const withEnum = resolver({
      './keys': keys,
      './enum': { RedisKeyPrefix: { t: 'object', members: { USER_ROLE: { t: 'string', value: 'user:role:' } } } },
    });
    const call: KeyPart = {
      ref: { module: './keys', name: 'keyFor' },
      args: ['`${RedisKeyPrefix.USER_ROLE}`', 'id'],
      argRefs: [[{ ref: { module: './enum', name: 'RedisKeyPrefix', member: ['USER_ROLE'] } }], null],
    };
    expect(expandKey([call], withEnum)).toEqual([{ lit: 'user:role::' }, { hole: 'id' }]);
    // unresolved: the argument stays a hole, as before
    expect(expandKey([call], resolve)).toEqual([{ hole: '`${RedisKeyPrefix.USER_ROLE}`' }, { lit: ':' }, { hole: 'id' }]);
  });
  it('a quoted argument is literal text', () => {
    expect(expandKey([ref('keyFor', undefined, ["'order'", 'o.id'])], resolve)).toEqual([{ lit: 'order:' }, { hole: 'o.id' }]);
    expect(expandKey([ref('keyFor', undefined, ['`order`', '7'])], resolve)).toEqual([{ lit: 'order:7' }]);
  });
  it('a template argument keeps its literal text; one of holes alone stays a hole', () => {
    // redisKey(`team:${teamId}`) into `${REDIS_PREFIX}${key}`: the team key, under a prefix
    expect(expandKey([ref('keyFor', undefined, ['`o${x}`', 'id'])], resolve)).toEqual([{ lit: 'o' }, { hole: 'x' }, { lit: ':' }, { hole: 'id' }]);
    expect(expandKey([ref('keyFor', undefined, ['`o${fmt({ a: 1 })}-`', 'id'])], resolve)).toEqual([{ lit: 'o' }, { hole: 'fmt({ a: 1 })' }, { lit: '-:' }, { hole: 'id' }]);
    expect(expandKey([ref('keyFor', undefined, ['`${x}`', 'id'])], resolve)).toEqual([{ hole: '`${x}`' }, { lit: ':' }, { hole: 'id' }]);
  });
  it('members of an object value and nested objects', () => {
    expect(expandKey([ref('CacheKeys', ['user'], ['u.id'])], resolve)).toEqual([{ lit: 'user:' }, { hole: 'u.id' }]);
    expect(expandKey([ref('CacheKeys', ['nested', 'list'])], resolve)).toEqual([{ lit: 'users:all' }]);
  });
  it('a namespace import member is the named export', () => {
    expect(expandKey([{ ref: { module: './keys', name: '*', member: ['productKey'] }, args: ['x'] }], resolve)).toEqual([
      { lit: 'product:v2:' },
      { hole: 'x' },
    ]);
  });
  it('re-exports are followed', () => {
    expect(expandKey([ref('Again', undefined, ['a'])], resolve)).toEqual([{ lit: 'user:' }, { hole: 'a' }]);
  });
  it('a builder calling another builder passes its arguments through', () => {
    expect(expandKey([ref('userKey', undefined, ['u.id'])], resolve)).toEqual([{ lit: 'user:' }, { hole: 'u.id' }]);
  });
  it('a template constant keeps its holes', () => {
    expect(expandKey([ref('TEMPLATE')], resolve)).toEqual([{ lit: 'cfg:' }, { hole: 'process.env.STAGE' }]);
  });
  it('unresolvable, unsuitable and cyclic refs become holes', () => {
    expect(expandKey([ref('Missing'), { lit: ':x' }], resolve)).toEqual([{ hole: 'Missing' }, { lit: ':x' }]);
    expect(expandKey([ref('productKey')], resolve)).toEqual([{ hole: 'productKey' }]); // builder not called
    expect(expandKey([ref('NOT_FOUND')], resolve)).toEqual([{ hole: 'NOT_FOUND' }]);
    expect(expandKey([ref('CacheKeys', ['nope'], ['x'])], resolve)).toEqual([{ hole: 'CacheKeys.nope(x)' }]);
    expect(expandKey([ref('Loop')], resolve)).toEqual([{ hole: 'Loop' }]);
  });
  it('a resolver that walks members and follows re-exports itself (the project linker)', () => {
    const walking: Resolve = (r) => {
      let v: ExportValue | undefined = keys[r.name];
      for (const m of r.member ?? []) v = v?.t === 'object' ? v.members[m] : undefined;
      return v && { file: '/src/keys.ts', value: v };
    };
    expect(expandKey([ref('CacheKeys', ['user'], ['u.id'])], walking)).toEqual([{ lit: 'user:' }, { hole: 'u.id' }]);
    expect(expandKey([ref('CacheKeys', ['nested', 'list'])], walking)).toEqual([{ lit: 'users:all' }]);
  });
  it('refs nested in a value resolve from the file that value lives in', () => {
    // /src/a/use.ts imports '../lib/keys'; keys.ts imports './base' (= /src/lib/base.ts)
    const files: Record<string, Record<string, ExportValue>> = {
      '/src/lib/keys.ts': { userKey: { t: 'key', parts: [{ ref: { module: './base', name: 'base' }, args: ['"user"', 'id'] }], params: ['id'] } },
      '/src/lib/base.ts': { base: { t: 'key', parts: [{ hole: 'e' }, { lit: ':' }, { hole: 'id' }], params: ['e', 'id'] } },
    };
    const seen: string[] = [];
    const r: Resolve = (x, from = '/src/a/use.ts') => {
      seen.push(`${from} ${x.module}`);
      const file = x.module === '../lib/keys' && from === '/src/a/use.ts' ? '/src/lib/keys.ts' : x.module === './base' && from === '/src/lib/keys.ts' ? '/src/lib/base.ts' : undefined;
      const value = file && files[file][x.name];
      return file && value ? { file, value } : undefined;
    };
    expect(expandKey([{ ref: { module: '../lib/keys', name: 'userKey' }, args: ['u.id'] }], r)).toEqual([{ lit: 'user:' }, { hole: 'u.id' }]);
    expect(seen).toEqual(['/src/a/use.ts ../lib/keys', '/src/lib/keys.ts ./base']);
  });
  it('a missing argument leaves the parameter a hole', () => {
    expect(expandKey([ref('keyFor', undefined, ["'a'"])], resolve)).toEqual([{ lit: 'a:' }, { hole: 'id' }]);
  });
});

describe('shapeOf', () => {
  it('holes become {} and adjacent holes collapse', () => {
    expect(shapeOf([{ lit: 'product:v2:' }, { hole: 'id' }])).toBe('product:v2:{}');
    expect(shapeOf([{ lit: 'u:' }, { hole: 'a' }, { hole: 'b' }, { lit: ':x' }])).toBe('u:{}:x');
    expect(shapeOf([{ hole: 'p' }, { lit: 'Product_' }, { ref: { module: 'm', name: 'n' } }])).toBe('{}Product_{}');
  });
  it('no literal text means unknown shape', () => {
    expect(shapeOf([{ hole: 'key' }])).toBeUndefined();
    expect(shapeOf([])).toBeUndefined();
    expect(shapeOf([{ hole: 'a' }, { lit: '' }])).toBeUndefined();
  });
});

describe('namesWord', () => {
  it.each([
    ['user:{}', true],
    ['l:{}:{}', true],
    ['{}:u:{}', true],
    ['{}:{}', false],
    ['{}x{}', false],
    ['{}', false],
    ['{}:{}:a', false],
  ])('%s → %s', (shape, expected) => expect(namesWord(shape)).toBe(expected));
});

describe('driftBetween: close variants', () => {
  it.each([
    ['product:v2:{}', 'product:{}', /extra version segment 'v2'/],
    ['product:{}', 'product:v2:{}', /version segment 'v2' missing/],
    ['product:v1:{}', 'product:v2:{}', /version segment 'v1' where reads use 'v2'/],
    ['user:{}:v3', 'user:{}', /version/],
    ['product:{}', 'products:{}', /singular\/plural 'product' vs 'products'/],
    ['categories:{}:items', 'category:{}:items', /singular\/plural/],
    ['order_items:{}', 'order_item:{}', /singular\/plural 'items' vs 'item'/],
    ['Product:{}', 'product:{}', /case 'Product' vs 'product'/],
    ['product:{}', 'product_{}', /separator ':' vs '_'/],
    ['product/{}', 'product:{}', /separator '\/' vs ':'/],
    ['product.{}', 'product:{}', /separator '.' vs ':'/],
    ['product{}', 'product:{}', /separator '' vs ':'/],
    ['app:product:{}', 'product:{}', /extra prefix 'app'/],
    ['product:{}', 'cache:product:{}', /prefix 'cache' missing/],
    ['Products:v2:{}', 'product:{}', /version.*case|version.*singular/],
    // `_`-separated keys count segments; a number fills the hole it stands in
    ['feed_{}_page_1', 'feed_v2_{}_page_{}', /version segment 'v2' missing/],
  ])('%s vs %s', (w, r, reason) => {
    const d = driftBetween(w, r);
    expect(d).toBeDefined();
    expect(d).toMatch(reason);
  });
});

describe('driftBetween: not drift', () => {
  it.each([
    ['equal', 'product:{}', 'product:{}'],
    ['different entities', 'user:{}', 'product:{}'],
    ['extra trailing segment', 'user:{}', 'user:{}:profile'],
    ['extra trailing hole', 'user:{}', 'user:{}:{}'],
    ['a qualifier in the middle', 'user:profile:{}', 'user:{}'],
    ['a qualifier word joined by _', 'user_profile:{}', 'user:{}'],
    ['a non-generic leading segment', 'feed:user:{}', 'user:{}'],
    ['a tenant prefix with a hole', 'tenant:{}:user:{}', 'user:{}'],
    ['two different environments', 'dev:user:{}', 'prod:user:{}'],
    ['a hole where the other has a word', 'user:{}', 'user:me'],
    ['different ids', 'page:1', 'page:2'],
    ['no words besides versions', 'v1:{}', 'v2:{}'],
    ['prefix only, nothing else', 'cache:{}', '{}'],
    ['camelCase vs snake case word split', 'userProfile:{}', 'user_profile:{}'],
    ['a trailing separator (scan prefix)', 'product:{}', 'product:{}:'],
    ['a leading separator', ':product:{}', 'product:{}'],
    ['different generic prefixes', 'app:Product:{}', 'cache:product:{}'],
    ['one page of the same key', 'feed_v2_{}_page_1', 'feed_v2_{}_page_{}'],
    ['a word where the other has a hole, with _', 'feed_{}_page_all', 'feed_v2_{}_page_{}'],
  ])('%s: %s vs %s', (_, w, r) => {
    expect(driftBetween(w, r)).toBeUndefined();
  });
});

describe('entityOfShape', () => {
  it.each([
    ['product:v2:{}', 'product'],
    ['cache:users:{}', 'user'],
    ['app:v1:order_items:{}', 'order_item'],
    ['{}:Category:list', 'category'],
    ['product_{}', 'product'],
    ['prod:api:invoice/{}', 'invoice'],
  ])('%s → %s', (shape, entity) => {
    expect(entityOfShape(shape)).toBe(entity);
  });
  it('no entity in generic or numeric segments', () => {
    expect(entityOfShape('cache:v2:{}')).toBeUndefined();
    expect(entityOfShape('{}:42')).toBeUndefined();
  });
  it('with cacheSuffix, a segment saying it caches an entity names it', () => {
    expect(entityOfShape('linkcache:{}:{}', true)).toBe('link');
    expect(entityOfShape('userCache:{}', true)).toBe('user');
    expect(entityOfShape('order_cache:{}', true)).toBe('order');
    // too short to be an entity, or the suffix is the whole word
    expect(entityOfShape('abcache:{}', true)).toBe('abcache');
    expect(entityOfShape('linkcache:{}:{}')).toBe('linkcache');
    expect(shapeNamesEntity('linkcache:{}:{}', 'link', true)).toBe(true);
    expect(shapeNamesEntity('linkcache:{}:{}', 'link')).toBe(false);
  });
});

describe('shapeNamesEntity: tables of items', () => {
  it('a key of the thing names the table of its items, behind a table prefix or not', () => {
    expect(shapeNamesEntity('sys_dict:{}', 'sys_dict_data')).toBe(true);
    expect(shapeNamesEntity('sys_dict:{}', 'dict_data')).toBe(true);
    expect(shapeNamesEntity('dict:{}', 'dict_data')).toBe(true);
    expect(shapeNamesEntity('order:{}', 'order_item')).toBe(true);
  });
  it('but not another table of the thing, nor the thing of another name', () => {
    expect(shapeNamesEntity('sys_dict_type:{}', 'dict_data')).toBe(false);
    expect(shapeNamesEntity('dict_type:{}', 'dict_data')).toBe(false);
    expect(shapeNamesEntity('verdict:{}', 'dict_data')).toBe(false);
  });
  it('a key naming the thing holds a list of its items; one naming the items does not', () => {
    expect(shapeNamesOwnerOf('sys_dict:{}', 'dict_data')).toBe(true);
    expect(shapeNamesOwnerOf('sys_dict:{}', 'sys_dict_data')).toBe(true);
    expect(shapeNamesOwnerOf('dict_data:{}', 'dict_data')).toBe(false);
    expect(shapeNamesOwnerOf('order_items:{}', 'order_item')).toBe(false);
    expect(shapeNamesOwnerOf('order:items:{}', 'order_item')).toBe(true);
    expect(shapeNamesOwnerOf('user:{}', 'user')).toBe(false);
  });
});

describe('shapesMatch', () => {
  it.each([
    ['product:{}', 'product:{}'],
    ['user:{}', 'user:42'],
    ['user:{}', 'user:{}{}'],
    ['user:{}-{}', 'user:{}'],
    ['{}user:{}', 'user:{}'],
    ['{}:x', 'app:x'],
    ['feed_{}_page_{}', 'feed_{}_page_1'],
    ['session-{}', 'session-a1b2-c3d4'],
  ])('%s matches %s', (a, b) => {
    expect(shapesMatch(a, b)).toBe(true);
    expect(shapesMatch(b, a)).toBe(true);
  });
  it.each([
    ['user:{}', 'user:{}:profile'],
    ['product:{}', 'product:v2:{}'],
    ['product:{}', 'products:{}'],
    ['Product:{}', 'product:{}'],
    ['user:{}', 'product:{}'],
    ['product:{}', 'product_{}'],
    // with `_` alone, a value does not span a `_`: a segment fewer is another key
    ['feed_{}_page_1', 'feed_v2_{}_page_{}'],
  ])('%s does not match %s', (a, b) => {
    expect(shapesMatch(a, b)).toBe(false);
    expect(shapesMatch(b, a)).toBe(false);
  });
});

describe('shapeNamesLinkOwner', () => {
  it('reads a link table as a list inside the cached row of its first side', () => {
    expect(shapeNamesLinkOwner('sys_user:{}', 'sys_user_role')).toBe(true);
    expect(shapeNamesLinkOwner('user:{}', 'sys_user_with_role')).toBe(true);
    expect(shapeNamesLinkOwner('sys_menu:user:{}', 'user_role')).toBe(true);
    expect(shapeNamesLinkOwner('member:{}', 'member_to_team')).toBe(true);
  });
  it('does not read other tables of the row as its links', () => {
    expect(shapeNamesLinkOwner('user:{}', 'user_login_log')).toBe(false);
    expect(shapeNamesLinkOwner('user:{}', 'user_setting')).toBe(false);
    expect(shapeNamesLinkOwner('user:{}', 'user')).toBe(false);
    expect(shapeNamesLinkOwner('role:{}', 'user_role')).toBe(false);
    expect(shapeNamesLinkOwner('user:{}', 'admin_user_role')).toBe(true);
    expect(shapeNamesLinkOwner('user:{}', 'tenant_admin_user_role')).toBe(false);
  });
});

describe('familyWord', () => {
  it('is the first word past the store prefix, a snake_case name being one word', () => {
    expect(familyWord('user:settings:{}')).toBe('user');
    expect(familyWord('cache:user:{}')).toBe('user');
    expect(familyWord('cache_memberAttributes:default')).toBe('memberattributes');
    expect(familyWord('user_wallets:{}')).toBe('user_wallets');
    expect(familyWord('user-settings-{}')).toBe('user');
  });
  it('is undefined for a key that starts with a hole', () => {
    expect(familyWord('{}:{}')).toBeUndefined();
    expect(familyWord('cache_{}:{}')).toBeUndefined();
  });
});
