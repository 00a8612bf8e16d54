// Which expressions denote a cache client, decided by import binding, constructor, factory call,
// decorator and declared type, never by variable name: a `Map`, `res`, `headers` or a Drizzle
// builder can call `.set()` too, and none of them must ever look like a cache.
// a local alias: every `ts.` access is then a plain variable, not the bundle's re-export getter
import { ts as tsMorphTs } from 'ts-morph';
import ts = tsMorphTs;
import { isProjectModuleIn } from '../../config';
import type { FileCtx } from '../context';
import { declarationOf, decoratorsOf, enclosingClass, memberName, typeRefName, unwrap, type Decl } from '../../syntax/scope';
import { CLIENT_MODULES } from './client-modules';
import type { CacheLib, ClientRef, ImportFact } from '../types';

export { CLIENT_MODULES };


/** Exported names that are client classes/types (constructible or usable as a declared type). */
const CLIENT_TYPES: Record<CacheLib, string[]> = {
  ioredis: ['default', 'Redis', 'Cluster', '*'],
  'node-redis': ['RedisClientType', 'RedisClusterType', 'RedisClientPoolType'],
  upstash: ['Redis'],
  'cache-manager': ['Cache', 'MemoryCache', 'Cacheable'],
  // '*': `const NodeCache = require('node-cache')` binds the module, whose export is the class
  keyv: ['default', 'Keyv', '*'],
  'lru-cache': ['default', 'LRUCache', 'LRU', '*'],
  'node-cache': ['default', 'NodeCache', '*'],
};

/** Factory functions returning a client: `createClient()`, `caching('memory', { ttl })`. */
const CLIENT_FACTORIES: Record<string, CacheLib> = {
  'redis:createClient': 'node-redis',
  'redis:createCluster': 'node-redis',
  '@redis/client:createClient': 'node-redis',
  'cache-manager:caching': 'cache-manager',
  'cache-manager:createCache': 'cache-manager',
  'cache-manager:multiCaching': 'cache-manager',
};

/**
 * Is this specifier a project module (relative, a tsconfig `paths` alias, a workspace package)
 * rather than an npm package? The config loader read the layout (model/modules): facts cannot.
 */
export function isProjectModule(spec: string, ctx: FileCtx): boolean {
  return isProjectModuleIn(ctx.config, spec);
}

function libOfModule(module: string, ctx: FileCtx): CacheLib | undefined {
  return ctx.config.cacheModules[module] ?? CLIENT_MODULES[module];
}

/**
 * Whether a constructor/factory call configures a default TTL: `ttl`/`stdTTL`/`maxAge` anywhere in
 * its arguments (also inside `stores: [new Keyv({ ttl })]`) → true, unless it is a literal 0; no
 * such option in literal arguments → false; options built elsewhere (a variable, a call) → unknown.
 */
function defaultTtlOf(args: readonly ts.Expression[], lib: CacheLib): boolean | undefined {
  if (lib === 'ioredis' || lib === 'node-redis' || lib === 'upstash') return undefined;
  const names = /^(ttl|stdTTL|maxAge)$/;
  let found: boolean | undefined;
  let opaque = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAssignment(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) && names.test(n.name.text)) {
      const v = unwrap(n.initializer);
      found = !(ts.isNumericLiteral(v) && Number(v.text) === 0);
      return;
    }
    if (ts.isShorthandPropertyAssignment(n) && names.test(n.name.text)) {
      found = true;
      return;
    }
    if (ts.isSpreadAssignment(n) || ts.isSpreadElement(n)) opaque = true;
    // a store built elsewhere (`redisStore`, `await redisStore(…)`) may carry its own default TTL;
    // `'memory'` and `new Keyv(…)` are visible and visited like the rest
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && /^stores?$/.test(n.name.text)) {
      const v = unwrap(n.initializer);
      const items = ts.isArrayLiteralExpression(v) ? v.elements : [v];
      if (items.some((i) => !ts.isStringLiteralLike(unwrap(i)) && !ts.isNewExpression(unwrap(i)))) opaque = true;
    }
    ts.forEachChild(n, visit);
  };
  for (const a of args) {
    const e = unwrap(a);
    if (ts.isIdentifier(e) || ts.isCallExpression(e) || ts.isPropertyAccessExpression(e)) opaque = true;
    visit(e);
  }
  if (found) return true;
  return opaque ? undefined : false;
}

/** ioredis `keyPrefix: 'cache:'`: every key of this client is stored under the prefix. */
function keyPrefixOf(args: readonly ts.Expression[]): string | undefined {
  for (const a of args) {
    const e = unwrap(a);
    if (!ts.isObjectLiteralExpression(e)) continue;
    for (const p of e.properties)
      if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'keyPrefix' && ts.isStringLiteralLike(unwrap(p.initializer)))
        return (unwrap(p.initializer) as ts.StringLiteral).text;
  }
  return undefined;
}

function importOf(e: ts.Expression, ctx: FileCtx): ImportFact | undefined {
  if (!ts.isIdentifier(e)) return undefined;
  const d = declarationOf(e, ctx.facts.imports);
  return d?.t === 'import' ? d.imp : undefined;
}

/** `new X(...)`: a client class from a cache module, or an instance of a project class. */
function fromNew(e: ts.NewExpression, ctx: FileCtx): ClientRef | undefined {
  let callee = unwrap(e.expression);
  // Pattern: new Redis.Cluster([...])  /  new IORedis.Cluster(...)
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'Cluster') callee = callee.expression;
  if (ts.isIdentifier(callee)) {
    const d = declarationOf(callee, ctx.facts.imports);
    if (d?.t === 'import') {
      const lib = libOfModule(d.imp.module, ctx);
      if (lib && (CLIENT_TYPES[lib].includes(d.imp.name) || ctx.config.cacheModules[d.imp.module])) {
        const prefix = lib === 'ioredis' ? keyPrefixOf(e.arguments ?? []) : undefined;
        return { t: 'lib', lib, defaultTtl: defaultTtlOf(e.arguments ?? [], lib), ...(prefix !== undefined ? { keyPrefix: prefix } : {}) };
      }
      if (!lib && isProjectModule(d.imp.module, ctx)) return { t: 'type', ref: { module: d.imp.module, name: d.imp.name } };
    }
    if (d?.t === 'class') return { t: 'class', name: callee.text };
  }
  return undefined;
}

/** Calls that return a client: factories, `Redis.fromEnv()`, `.duplicate()`, `.connect()`, Nest's `redisService.getClient()`. */
function fromCall(e: ts.CallExpression, ctx: FileCtx, depth: number): ClientRef | undefined {
  const callee = unwrap(e.expression);
  if (ts.isIdentifier(callee)) {
    const imp = importOf(callee, ctx);
    if (imp) {
      const lib = CLIENT_FACTORIES[`${imp.module}:${imp.name}`];
      if (lib) return { t: 'lib', lib, defaultTtl: defaultTtlOf(e.arguments, lib) };
      if (isProjectModule(imp.module, ctx)) return undefined;
    }
    return undefined;
  }
  const m = memberName(callee);
  if (!m || !(ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))) return undefined;
  const recv = unwrap(callee.expression);
  // Pattern: cacheManager.caching({ store: 'memory', ttl })  (cache-manager v4 default/namespace import)
  if (m === 'caching' || m === 'multiCaching' || m === 'createCache') {
    const imp = importOf(recv, ctx);
    if (imp && libOfModule(imp.module, ctx) === 'cache-manager') return { t: 'lib', lib: 'cache-manager', defaultTtl: defaultTtlOf(e.arguments, 'cache-manager') };
  }
  // Pattern: Redis.fromEnv()  (@upstash/redis)
  if (m === 'fromEnv') {
    const imp = importOf(recv, ctx);
    if (imp && libOfModule(imp.module, ctx) === 'upstash') return { t: 'lib', lib: 'upstash' };
  }
  // Pattern: createClient().connect()  /  redis.duplicate()
  if (m === 'connect' || m === 'duplicate' || m === 'withTypeMapping') {
    const c = clientOf(recv, ctx, depth + 1);
    if (c?.t === 'lib') return { ...c, pipeline: undefined };
  }
  // Pattern: this.redisService.getClient() / getOrThrow()  (@liaoliaots/nestjs-redis, @nestjs-modules/ioredis)
  if (m === 'getClient' || m === 'getOrThrow' || m === 'getOrNil') {
    const t = declaredTypeModule(recv, ctx);
    if (t && (t === '@liaoliaots/nestjs-redis' || t === '@nestjs-modules/ioredis')) return { t: 'lib', lib: 'ioredis' };
  }
  return undefined;
}

/** The module a receiver's declared type is imported from (`redisService: RedisService`). */
function declaredTypeModule(e: ts.Expression, ctx: FileCtx): string | undefined {
  const decl = ts.isIdentifier(e) ? declarationOf(e, ctx.facts.imports) : undefined;
  const member = thisMember(e);
  let type: ts.TypeNode | undefined;
  if (decl?.t === 'param' || decl?.t === 'var') type = decl.node.type;
  else if (member) type = memberDecl(member.cls, member.name)?.type;
  const tn = typeRefName(type);
  if (!tn) return undefined;
  return ctx.facts.imports.find((i) => i.local === tn.name.split('.')[0])?.module;
}

/** A declared type: `Redis` from ioredis, `Cache` from cache-manager, a project class. */
export function fromType(type: ts.TypeNode | undefined, ctx: FileCtx): ClientRef | undefined {
  const tn = typeRefName(type);
  if (!tn) return undefined;
  const [head, tail] = tn.name.split('.');
  const imp = ctx.facts.imports.find((i) => i.local === head);
  if (imp) {
    const lib = libOfModule(imp.module, ctx);
    const exported = tail ?? imp.name;
    // Pattern: constructor(private cache: Cache) with Cache from @nestjs/cache-manager (v3 injects by type)
    if (imp.module === '@nestjs/cache-manager' && exported === 'Cache') return { t: 'lib', lib: 'cache-manager', nest: true };
    if (lib) return CLIENT_TYPES[lib].includes(exported) || ctx.config.cacheModules[imp.module] ? { t: 'lib', lib } : undefined;
    if (isProjectModule(imp.module, ctx) || !tail) return isProjectModule(imp.module, ctx) ? { t: 'type', ref: { module: imp.module, name: imp.name } } : undefined;
    return undefined;
  }
  if (ctx.config.wrappers.includes(head)) return { t: 'class', name: head };
  // a class declared in this file
  if (ctx.sf.statements.some((s) => ts.isClassDeclaration(s) && s.name?.text === head)) return { t: 'class', name: head };
  return undefined;
}

/** Nest injection decorators: `@InjectRedis()`, `@Inject(CACHE_MANAGER)`. */
function fromDecorators(node: ts.Node, ctx: FileCtx): ClientRef | undefined {
  for (const d of decoratorsOf(node)) {
    if (d.name === 'InjectRedis') return { t: 'lib', lib: 'ioredis' };
    if (d.name === 'Inject' && d.args[0] && ts.isIdentifier(d.args[0]) && d.args[0].text === 'CACHE_MANAGER') {
      const imp = importOf(d.args[0], ctx);
      if (!imp || imp.module === '@nestjs/cache-manager' || imp.module === '@nestjs/common') return { t: 'lib', lib: 'cache-manager', nest: true };
    }
  }
  return undefined;
}

function thisMember(e: ts.Expression): { cls: ts.ClassLikeDeclaration; name: string } | undefined {
  if (!(ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e))) return undefined;
  if (unwrap(e.expression).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const name = memberName(e);
  const cls = enclosingClass(e);
  return name && cls ? { cls, name } : undefined;
}

type MemberDecl = { type?: ts.TypeNode; init?: ts.Expression; node: ts.Node };

/** The declaration of `this.<name>`: a property, a constructor parameter property, or `this.x = …` in the constructor. */
export function memberDecl(cls: ts.ClassLikeDeclaration, name: string): MemberDecl | undefined {
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && m.name && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) && m.name.text.replace(/^#/, '') === name.replace(/^#/, ''))
      return { type: m.type, init: m.initializer, node: m };
    // Pattern: get client(): RedisClient { return this.provider.getClient(); }  (the declared return type)
    if (ts.isGetAccessorDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name && m.type) return { type: m.type, node: m };
    if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters)
        if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length) return { type: p.type, node: p };
      for (const st of m.body?.statements ?? []) {
        if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression)) continue;
        const b = st.expression;
        if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
        const t = thisMember(b.left);
        if (t && t.name === name) return { init: b.right, node: b };
      }
    }
  }
  return undefined;
}

function fromDecl(d: Decl, ctx: FileCtx, depth: number): ClientRef | undefined {
  switch (d.t) {
    case 'import': {
      const lib = libOfModule(d.imp.module, ctx);
      if (lib) return ctx.config.cacheModules[d.imp.module] ? { t: 'lib', lib } : undefined;
      return { t: 'import', ref: { module: d.imp.module, name: d.imp.name } };
    }
    case 'var':
      return fromDecorators(d.node, ctx) ?? fromType(d.node.type, ctx) ?? (d.node.initializer ? clientOf(d.node.initializer, ctx, depth + 1) : undefined);
    case 'param':
      return fromDecorators(d.node, ctx) ?? fromType(d.node.type, ctx);
    default:
      return undefined;
  }
}

/**
 * What `e` (the receiver of a call) is. `depth` guards alias chains (`const a = b; const b = a`).
 * Returns undefined when nothing marks it as a client or as a project value that may wrap one.
 */
// Per-declaration results (ctx.clientMemo): a file's calls mostly go through a handful of receivers.
function memo(ctx: FileCtx, node: ts.Node, f: () => ClientRef | undefined): ClientRef | undefined {
  const decls = ctx.clientMemo.decls;
  const hit = decls.get(node);
  if (hit !== undefined) return hit ?? undefined;
  decls.set(node, null); // guards alias cycles
  const r = f();
  decls.set(node, r ?? null);
  return r;
}

export function clientOf(expr: ts.Expression, ctx: FileCtx, depth = 0): ClientRef | undefined {
  if (depth > 8) return undefined;
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const d = declarationOf(e, ctx.facts.imports);
    if (!d) return undefined;
    const key = d.t === 'import' ? undefined : d.node;
    return key ? memo(ctx, key, () => fromDecl(d, ctx, depth)) : fromDecl(d, ctx, depth);
  }
  if (ts.isNewExpression(e)) return fromNew(e, ctx);
  if (ts.isCallExpression(e)) return fromCall(e, ctx, depth);
  const tm = thisMember(e);
  if (tm) {
    // `this.cache` is met on many calls of a class: resolve each member once
    const members = ctx.clientMemo.members;
    let byName = members.get(tm.cls);
    if (!byName) members.set(tm.cls, (byName = new Map()));
    if (byName.has(tm.name)) return byName.get(tm.name) ?? undefined;
    byName.set(tm.name, null); // guards `this.a = this.a` cycles
    const md = memberDecl(tm.cls, tm.name);
    const r = md ? fromDecorators(md.node, ctx) ?? fromType(md.type, ctx) ?? (md.init ? clientOf(md.init, ctx, depth + 1) : undefined) : undefined;
    byName.set(tm.name, r ?? null);
    return r;
  }
  // Pattern: cacheModule.redis.set(...) with cacheModule imported (namespace or object export)
  if (ts.isPropertyAccessExpression(e)) {
    const base = clientOf(e.expression, ctx, depth + 1);
    if (base?.t === 'import') return { t: 'import', ref: { ...base.ref, member: [...(base.ref.member ?? []), e.name.text] } };
  }
  return undefined;
}
