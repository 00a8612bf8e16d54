import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { keyExprOf, valueOfClass, valueOfExpression, valueOfFunction } from '../src/facts/keys/key-exprs';
import type { FileCtx } from '../src/facts/context';
import { expandKey, shapeOf } from '../src/facts/keys/shapes';
import type { KeyPart } from '../src/facts/types';
import { argOf, ctxOf } from './key-facts-helper';

function key(src: string, callee?: string) {
  const ctx = ctxOf(src);
  return keyExprOf(argOf(ctx, callee), ctx);
}

const parts = (src: string, callee?: string): KeyPart[] => key(src, callee).parts;

/** The top-level declaration named `name`, for the valueOf* functions. */
function decl(ctx: FileCtx, name: string): ts.Node {
  for (const s of ctx.sf.statements) {
    if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) if (d.name.getText(ctx.sf) === name) return d.initializer!;
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name?.text === name) return s;
  }
  throw new Error(`no ${name}`);
}

describe('keyExprOf: literal forms', () => {
  it('template literal', () => {
    expect(parts('redis.get(`product:v2:${id}`)')).toEqual([{ lit: 'product:v2:' }, { hole: 'id' }]);
  });
  it('template with several holes and a tail', () => {
    expect(parts('redis.get(`user:${u.id}:post:${p.id}:meta`)')).toEqual([
      { lit: 'user:' },
      { hole: 'u.id' },
      { lit: ':post:' },
      { hole: 'p.id' },
      { lit: ':meta' },
    ]);
  });
  it('plain string and no-substitution template', () => {
    expect(parts("redis.get('config:all')")).toEqual([{ lit: 'config:all' }]);
    expect(parts('redis.get(`config:all`)')).toEqual([{ lit: 'config:all' }]);
  });
  it('+ concatenation', () => {
    expect(parts("redis.get('user:' + id + ':profile')")).toEqual([{ lit: 'user:' }, { hole: 'id' }, { lit: ':profile' }]);
  });
  it('number literals concatenate, a numeric sum is a hole', () => {
    expect(parts("redis.get('page:' + 2)")).toEqual([{ lit: 'page:2' }]);
    expect(parts("redis.get('page:' + n + 1)")).toEqual([{ lit: 'page:' }, { hole: 'n' }, { lit: '1' }]);
    expect(parts('redis.get(1 + 2)')).toEqual([{ hole: '1 + 2' }]);
    expect(parts('redis.get(n + 1)')).toEqual([{ hole: 'n + 1' }]);
  });
  it("[a, b].join(':')", () => {
    expect(parts("redis.get(['product', id].join(':'))")).toEqual([{ lit: 'product:' }, { hole: 'id' }]);
  });
  it("join('') and default separator", () => {
    expect(parts("redis.get(['product:', id].join(''))")).toEqual([{ lit: 'product:' }, { hole: 'id' }]);
    expect(parts("redis.get(['product', id].join())")).toEqual([{ lit: 'product,' }, { hole: 'id' }]);
  });
  it('join over a local const array', () => {
    expect(parts("const segs = ['cart', userId]; redis.get(segs.join(':'))")).toEqual([{ lit: 'cart:' }, { hole: 'userId' }]);
  });
  it('join with a computed separator is a hole', () => {
    expect(parts("redis.get(['a', id].join(sep))")).toEqual([{ hole: "['a', id].join(sep)" }]);
  });
  it('String(x), x.toString() and concat()', () => {
    expect(parts("redis.get('n:' + String(id))")).toEqual([{ lit: 'n:' }, { hole: 'id' }]);
    expect(parts("redis.get('n:' + id.toString())")).toEqual([{ lit: 'n:' }, { hole: 'id' }]);
    expect(parts("redis.get('n:'.concat(id))")).toEqual([{ lit: 'n:' }, { hole: 'id' }]);
  });
  it('a shadowed String is not the global', () => {
    expect(parts("const String = (x) => 'k'; redis.get(String(id))")).toEqual([{ lit: 'k' }]);
  });
  it('unwraps await, as and parentheses', () => {
    expect(parts('redis.get((`a:${id}` as string))')).toEqual([{ lit: 'a:' }, { hole: 'id' }]);
  });
  it('records span and text', () => {
    const src = 'redis.get(`p:${id}`)';
    const k = key(src);
    expect(k.text).toBe('`p:${id}`');
    expect(src.slice(k.span.start, k.span.end)).toBe('`p:${id}`');
    expect(k.builder).toBeUndefined();
  });
  it('an unknown expression is one hole', () => {
    expect(parts('redis.get(makeKey(id))')).toEqual([{ hole: 'makeKey(id)' }]);
    expect(parts('redis.get(cond ? "a" : "b")')).toEqual([{ hole: 'cond ? "a" : "b"' }]);
  });
});

describe('keyExprOf: constants', () => {
  it('local const string', () => {
    expect(parts("const PREFIX = 'app:'; function f(id) { return redis.get(`${PREFIX}user:${id}`) }")).toEqual([
      { lit: 'app:user:' },
      { hole: 'id' },
    ]);
  });
  it('const chain at any depth', () => {
    const src = "const A = 'svc'; const B = A + ':v2'; const C = `${B}:item`; redis.get(`${C}:${id}`)";
    expect(parts(src)).toEqual([{ lit: 'svc:v2:item:' }, { hole: 'id' }]);
  });
  it('the key variable itself is a const in the function', () => {
    expect(parts('async function f(id) { const key = `order:${id}`; return redis.get(key) }')).toEqual([{ lit: 'order:' }, { hole: 'id' }]);
  });
  it('a let is not followed', () => {
    expect(parts("let key = 'a'; key = 'b'; redis.get(key)")).toEqual([{ hole: 'key' }]);
  });
  it('cyclic constants terminate', () => {
    const p = parts("const a = b + ':x'; const b = a + ':y'; redis.get(a)");
    expect(p.some((x) => 'hole' in x)).toBe(true);
    expect(p).toEqual([{ hole: 'a' }, { lit: ':y:x' }]);
  });
  it('object constant member and Object.freeze', () => {
    expect(parts("const K = { USER: 'user:' } as const; redis.get(K.USER + id)")).toEqual([{ lit: 'user:' }, { hole: 'id' }]);
    expect(parts("const K = Object.freeze({ USER: 'user:' }); redis.get(K['USER'] + id)")).toEqual([{ lit: 'user:' }, { hole: 'id' }]);
  });
  it('a destructured parameter shadows an outer const of the same name', () => {
    expect(parts("const id = 'x'; const f = ({ id }) => redis.get(`u:${id}`)")).toEqual([{ lit: 'u:' }, { hole: 'id' }]);
  });
  it('imported constant is a ref', () => {
    expect(parts("import { PREFIX } from './keys'; redis.get(`${PREFIX}:${id}`)")).toEqual([
      { ref: { module: './keys', name: 'PREFIX' } },
      { lit: ':' },
      { hole: 'id' },
    ]);
  });
  it('a require inside a function shadows an outer const', () => {
    expect(parts("const P = 'x'; function f(id) { const { P } = require('./k'); return redis.get(P + id) }")).toEqual([{ hole: 'P' }, { hole: 'id' }]);
  });
  it('namespace import and require: a ref to the namespace member, destructured require: the name', () => {
    expect(parts("import * as keys from './keys'; redis.get(keys.PREFIX + id)")).toEqual([
      { ref: { module: './keys', name: '*', member: ['PREFIX'] } },
      { hole: 'id' },
    ]);
    expect(parts("const keys = require('./keys'); redis.get(keys.user(id))")).toEqual([
      { ref: { module: './keys', name: '*', member: ['user'] }, args: ['id'] },
    ]);
    expect(parts("const { PREFIX } = require('./keys'); redis.get(PREFIX + id)")).toEqual([
      { ref: { module: './keys', name: 'PREFIX' } },
      { hole: 'id' },
    ]);
  });
});

describe('keyExprOf: local builders', () => {
  it('arrow builder substitutes the argument text', () => {
    const k = key('const userKey = (id: string) => `user:${id}`; redis.get(userKey(u.id))');
    expect(k.parts).toEqual([{ lit: 'user:' }, { hole: 'u.id' }]);
    expect(k.builder).toEqual({ local: 'userKey', args: ['u.id'] });
  });
  it('function declaration builder with a block body', () => {
    expect(parts("function userKey(id) { return 'user:' + id } redis.get(userKey(user.id))")).toEqual([{ lit: 'user:' }, { hole: 'user.id' }]);
  });
  it('a builder with two returns is not inlined', () => {
    expect(parts("function k(id) { if (!id) return 'none'; return 'user:' + id } redis.get(k(x))")).toEqual([{ hole: 'k(x)' }]);
  });
  it('a literal argument becomes literal text', () => {
    expect(parts('const keyFor = (entity, id) => `${entity}:${id}`; redis.get(keyFor("product", p.id))')).toEqual([
      { lit: 'product:' },
      { hole: 'p.id' },
    ]);
  });
  it('default parameter value', () => {
    expect(parts("const k = (id, v = 'v1') => `p:${v}:${id}`; redis.get(k(id))")).toEqual([{ lit: 'p:v1:' }, { hole: 'id' }]);
  });
  it('object member builder', () => {
    const k = key('const keys = { user: (id) => `user:${id}`, post(id) { return `post:${id}` } }; redis.get(keys.user(a)); redis.del(keys.post(b))');
    expect(k.parts).toEqual([{ lit: 'user:' }, { hole: 'a' }]);
    expect(k.builder).toEqual({ local: 'keys.user', args: ['a'] });
    expect(parts('const keys = { post(id) { return `post:${id}` } }; redis.del(keys.post(b))', 'redis.del')).toEqual([{ lit: 'post:' }, { hole: 'b' }]);
  });
  it('object member pointing at a function', () => {
    expect(parts('function userKey(id) { return `user:${id}` } const keys = { userKey }; redis.get(keys.userKey(z))')).toEqual([
      { lit: 'user:' },
      { hole: 'z' },
    ]);
  });
  it('nested object of builders', () => {
    expect(parts('const K = { user: { byId: (id) => `user:id:${id}` } }; redis.get(K.user.byId(i))')).toEqual([{ lit: 'user:id:' }, { hole: 'i' }]);
  });
  it('class static method using a static property via this', () => {
    const src = "class CacheKeys { static PREFIX = 'shop'; static product(id: string) { return `${this.PREFIX}:product:${id}` } }\nredis.get(CacheKeys.product(p.id))";
    expect(parts(src)).toEqual([{ lit: 'shop:product:' }, { hole: 'p.id' }]);
  });
  it('instance method of the enclosing class through this', () => {
    const src = "class Repo { private readonly prefix = 'order'; private key(id: string) { return `${this.prefix}:${id}` }\n async get(id: string) { return this.redis.get(this.key(id)) } }";
    const k = key(src, 'this.redis.get');
    expect(k.parts).toEqual([{ lit: 'order:' }, { hole: 'id' }]);
    expect(k.builder).toEqual({ local: 'this.key', args: ['id'] });
  });
  it('a reassigned field is not followed', () => {
    const src = "class Repo { prefix = 'order'; setPrefix(p) { this.prefix = p } get(id) { return this.redis.get(`${this.prefix}:${id}`) } }";
    expect(parts(src, 'this.redis.get')).toEqual([{ hole: 'this.prefix' }, { lit: ':' }, { hole: 'id' }]);
  });
  it('nested builders', () => {
    const src = 'const base = (e, id) => `${e}:${id}`; const userKey = (id) => base("user", id); redis.get(userKey(u.id))';
    expect(parts(src)).toEqual([{ lit: 'user:' }, { hole: 'u.id' }]);
  });
  it('a builder argument that is itself a local const', () => {
    expect(parts("const E = 'cart'; const k = (e, id) => e + ':' + id; redis.get(k(E, id))")).toEqual([{ lit: 'cart:' }, { hole: 'id' }]);
  });
  it('recursive builders terminate', () => {
    const p = parts('function k(id) { return k(id) + ":x" } redis.get(k(a))');
    expect(p[p.length - 1]).toEqual({ lit: ':x' });
  });
  it('builder reached through a const key variable', () => {
    const k = key('const userKey = (id) => `user:${id}`; async function f(u) { const key = userKey(u.id); return redis.get(key) }');
    expect(k.parts).toEqual([{ lit: 'user:' }, { hole: 'u.id' }]);
    expect(k.builder).toEqual({ local: 'userKey', args: ['u.id'] });
  });
  it('async functions are not builders', () => {
    expect(parts('const k = async (id) => `a:${id}`; redis.get(k(x))')).toEqual([{ hole: 'k(x)' }]);
  });
  it('a destructured builder parameter takes the object literal\'s properties', () => {
    const b = 'const k = ({ domain, slug }) => `link:${domain}:${slug}`;';
    expect(parts(`${b} redis.get(k({ domain: l.domain, slug: l.slug }))`)).toEqual([{ lit: 'link:' }, { hole: 'l.domain' }, { lit: ':' }, { hole: 'l.slug' }]);
    expect(parts(`${b} redis.get(k({ domain, slug: 'home' }))`)).toEqual([{ lit: 'link:' }, { hole: 'domain' }, { lit: ':home' }]);
    // a plain name passes its properties
    expect(parts(`${b} redis.get(k(link))`)).toEqual([{ lit: 'link:' }, { hole: 'link.domain' }, { lit: ':' }, { hole: 'link.slug' }]);
  });
  it('a destructured parameter is not guessed through a spread, a renamed or defaulted binding stays exact', () => {
    expect(parts('const k = ({ domain }) => `link:${domain}`; redis.get(k({ ...o }))')).toEqual([{ lit: 'link:' }, { hole: 'domain' }]);
    expect(parts('const k = ({ d: domain }) => `link:${domain}`; redis.get(k({ d: x.host }))')).toEqual([{ lit: 'link:' }, { hole: 'x.host' }]);
    expect(parts("const k = ({ v = 'v1' }) => `link:${v}`; redis.get(k({ v: 'v2' }))")).toEqual([{ lit: 'link:' }, { hole: 'v' }]);
  });
  it('toLowerCase() changes the literal text only; branches spelling one key are that key', () => {
    expect(parts('redis.get(`Link:${id}`.toLowerCase())')).toEqual([{ lit: 'link:' }, { hole: 'id' }]);
    expect(parts('redis.get(id.toLowerCase())')).toEqual([{ hole: 'id.toLowerCase()' }]);
    expect(parts('const key = `link:${id}`; redis.get(cs ? key : key.toLowerCase())')).toEqual([{ lit: 'link:' }, { hole: 'id' }]);
    expect(parts('redis.get(cs ? `a:${id}` : `b:${id}`)')).toEqual([{ hole: 'cs ? `a:${id}` : `b:${id}`' }]);
  });
  it('an optional prefix tested by itself is the prefixed spelling; any other condition is not', () => {
    expect(parts('redis.get(prefix ? `${prefix}:${key}` : key)')).toEqual([{ hole: 'prefix' }, { lit: ':' }, { hole: 'key' }]);
    expect(parts('redis.get(this.prefix ? `${this.prefix}:auth:${id}` : `auth:${id}`)')).toEqual([{ hole: 'this.prefix' }, { lit: ':auth:' }, { hole: 'id' }]);
    expect(parts('redis.get(flag ? `${prefix}:${key}` : key)')).toEqual([{ hole: 'flag ? `${prefix}:${key}` : key' }]);
    expect(parts('redis.get(prefix ? `${prefix}v1:${key}` : key)')).toEqual([{ hole: 'prefix ? `${prefix}v1:${key}` : key' }]);
  });
});

describe('valueOfFunction: builders of parameters alone', () => {
  it('a template joining two or more parameters is a builder; one parameter or a query is not', () => {
    const ctx = ctxOf('function k(prefix: string, id: string) { return `${prefix}${id}`; }\nfunction one(id: string) { return `${id}`; }\nfunction sum(a: number, b: number) { return a + b; }');
    expect(valueOfFunction(decl(ctx, 'k') as ts.FunctionDeclaration, ctx)).toEqual({ t: 'key', parts: [{ hole: 'prefix' }, { hole: 'id' }], params: ['prefix', 'id'] });
    expect(valueOfFunction(decl(ctx, 'one') as ts.FunctionDeclaration, ctx)).toBeUndefined();
    expect(valueOfFunction(decl(ctx, 'sum') as ts.FunctionDeclaration, ctx)).toBeUndefined();
  });
  it("records the constant a builder call is given, to be resolved from the caller's file", () => {
    const p = parts("import { key } from './k'; import { Prefix } from './e'; redis.get(key(Prefix.USER, id))");
    expect(p).toEqual([
      { ref: { module: './k', name: 'key' }, args: ['`${Prefix.USER}`', 'id'], argRefs: [[{ ref: { module: './e', name: 'Prefix', member: ['USER'] } }], null] },
    ]);
  });
});

describe('keyExprOf: imported builders', () => {
  it('imported class static method is a ref with member and args', () => {
    const k = key("import { CacheKeys } from './keys'; redis.get(CacheKeys.product(p.id))");
    expect(k.parts).toEqual([{ ref: { module: './keys', name: 'CacheKeys', member: ['product'] }, args: ['p.id'] }]);
    expect(k.builder).toEqual({ ref: { module: './keys', name: 'CacheKeys', member: ['product'] }, args: ['p.id'] });
  });
  it('imported function builder inside a template', () => {
    expect(parts("import { userKey } from '../keys'; redis.get(`${userKey(id)}:profile`)")).toEqual([
      { ref: { module: '../keys', name: 'userKey' }, args: ['id'] },
      { lit: ':profile' },
    ]);
  });
  it('known-literal arguments are passed quoted, substituted params keep the caller text', () => {
    const src = "import { keyFor } from './keys'; const E = 'product'; const pk = (id) => keyFor(E, id); redis.get(pk(p.id))";
    expect(parts(src)).toEqual([{ ref: { module: './keys', name: 'keyFor' }, args: ['"product"', 'p.id'] }]);
  });
  it('default import member', () => {
    expect(parts("import Keys from './keys'; redis.get(Keys.user(id))")).toEqual([
      { ref: { module: './keys', name: 'default', member: ['user'] }, args: ['id'] },
    ]);
  });
});

describe('valueOf*: bindings for other files', () => {
  it('string constant, number, and sentinel constant', () => {
    const ctx = ctxOf("export const PREFIX = 'app'; export const VERSION = 3; export const NOT_FOUND = '__NOT_FOUND__'; export const MISS = null");
    expect(valueOfExpression(decl(ctx, 'PREFIX') as ts.Expression, ctx)).toEqual({ t: 'string', value: 'app' });
    expect(valueOfExpression(decl(ctx, 'VERSION') as ts.Expression, ctx)).toEqual({ t: 'string', value: '3' });
    expect(valueOfExpression(decl(ctx, 'NOT_FOUND') as ts.Expression, ctx)).toEqual({ t: 'sentinel' });
    expect(valueOfExpression(decl(ctx, 'MISS') as ts.Expression, ctx)).toEqual({ t: 'sentinel' });
  });
  it('configured sentinel strings', () => {
    const ctx = ctxOf("export const GONE = 'x-gone'", ['x-gone']);
    expect(valueOfExpression(decl(ctx, 'GONE') as ts.Expression, ctx)).toEqual({ t: 'sentinel' });
  });
  it('arrow and function builders', () => {
    const ctx = ctxOf("export const productKey = (id: string) => `product:${id}`; export function userKey(org, id) { return 'org:' + org + ':user:' + id }");
    expect(valueOfExpression(decl(ctx, 'productKey') as ts.Expression, ctx)).toEqual({ t: 'key', parts: [{ lit: 'product:' }, { hole: 'id' }], params: ['id'] });
    expect(valueOfFunction(decl(ctx, 'userKey') as ts.FunctionDeclaration, ctx)).toEqual({
      t: 'key',
      parts: [{ lit: 'org:' }, { hole: 'org' }, { lit: ':user:' }, { hole: 'id' }],
      params: ['org', 'id'],
    });
  });
  it('template constant with holes and a constant built from local constants', () => {
    const ctx = ctxOf("const APP = 'shop'; export const P = `${APP}:${process.env.STAGE}:p`; export const Q = APP + ':q'");
    expect(valueOfExpression(decl(ctx, 'P') as ts.Expression, ctx)).toEqual({
      t: 'key',
      parts: [{ lit: 'shop:' }, { hole: 'process.env.STAGE' }, { lit: ':p' }],
      params: [],
    });
    expect(valueOfExpression(decl(ctx, 'Q') as ts.Expression, ctx)).toEqual({ t: 'string', value: 'shop:q' });
  });
  it('object literal as const, with nested members', () => {
    const ctx = ctxOf("export const Keys = { user: (id) => `user:${id}`, list: 'users:all', nested: { post(id) { return 'post:' + id } }, n: 1 + x } as const");
    expect(valueOfExpression(decl(ctx, 'Keys') as ts.Expression, ctx)).toEqual({
      t: 'object',
      members: {
        user: { t: 'key', parts: [{ lit: 'user:' }, { hole: 'id' }], params: ['id'] },
        list: { t: 'string', value: 'users:all' },
        nested: { t: 'object', members: { post: { t: 'key', parts: [{ lit: 'post:' }, { hole: 'id' }], params: ['id'] } } },
      },
    });
  });
  it('class with static members, instance members ignored', () => {
    const ctx = ctxOf("export class CacheKeys { static PREFIX = 'v2'; static product(id) { return `${this.PREFIX}:product:${id}` } other(id) { return 'o' + id } }");
    expect(valueOfClass(decl(ctx, 'CacheKeys') as ts.ClassDeclaration, ctx)).toEqual({
      t: 'object',
      members: {
        PREFIX: { t: 'string', value: 'v2' },
        product: { t: 'key', parts: [{ lit: 'v2:product:' }, { hole: 'id' }], params: ['id'] },
      },
    });
  });
  it('builder that calls an imported builder keeps the param name in the ref args', () => {
    const ctx = ctxOf("import { base } from './base'; export const userKey = (id) => base('user', id)");
    expect(valueOfExpression(decl(ctx, 'userKey') as ts.Expression, ctx)).toEqual({
      t: 'key',
      parts: [{ ref: { module: './base', name: 'base' }, args: ['"user"', 'id'] }],
      params: ['id'],
    });
  });
  it('re-export of an import, and undefined for non-key values', () => {
    const ctx = ctxOf("import { K } from './k'; export const A = K.user; export const db = new Client(); export const same = (x) => x; export const get = async (id) => `a:${id}`");
    expect(valueOfExpression(decl(ctx, 'A') as ts.Expression, ctx)).toEqual({ t: 'reexport', ref: { module: './k', name: 'K', member: ['user'] } });
    expect(valueOfExpression(decl(ctx, 'db') as ts.Expression, ctx)).toBeUndefined();
    expect(valueOfExpression(decl(ctx, 'same') as ts.Expression, ctx)).toBeUndefined();
    expect(valueOfExpression(decl(ctx, 'get') as ts.Expression, ctx)).toBeUndefined();
  });
});

describe('phase 1 + phase 2: an imported builder expands to the same shape as the exporting file', () => {
  it('CacheKeys.product(p.id) resolves through the other file', () => {
    const lib = ctxOf("export class CacheKeys { static product(id: string) { return `product:v2:${id}` } }");
    const value = valueOfClass(decl(lib, 'CacheKeys') as ts.ClassDeclaration, lib)!;
    const use = key("import { CacheKeys } from './keys'; redis.del(CacheKeys.product(p.id))", 'redis.del');
    const expanded = expandKey(use.parts, (r) => (r.module === './keys' && r.name === 'CacheKeys' ? value : undefined));
    expect(expanded).toEqual([{ lit: 'product:v2:' }, { hole: 'p.id' }]);
    expect(shapeOf(expanded)).toBe('product:v2:{}');
  });
});
