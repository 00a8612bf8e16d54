// Which expressions denote a cache client, decided by import binding, constructor, factory call,
// decorator and declared type, never by variable name: a `Map`, `res`, `headers` or a Drizzle
// builder can call `.set()` too, and none of them must ever look like a cache.
import { keyedStoreOf } from './keyed-store';
import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { configuredLib, isProjectModuleIn } from '../../config';
import type { FileCtx } from '../context';
import { boundMember, declarationOf, decoratorsOf, enclosingClass, extendsClause, memberName, paramPropertyOf, propertyNameText, takenFirstBy, typeRefName, unwrap, type Decl } from '../../syntax/scope';
import { CLIENT_MODULES, CLIENT_TYPES, isRedisLib, libOfModuleName } from './client-modules';
import { defaultTtlOf, defaultTtlValueOf, keyPrefixOf } from './client-options';
import { laterAssignedClient, objectMemberClient, returnedClient } from './client-sources';
import { assignedMembers, isNullish, isStatic, returnExprOf, returnExprsOf, thisClass } from '../../syntax/local-values';
import type { CacheLib, ClassFact, ClientRef, ImportFact, InstanceLoaders, SymbolRef } from '../types';
import { instanceArgs, loaderOf } from './made-instances';
import { jsDocTypeRef, jsDocTypeText } from './jsdoc-types';

export { CLIENT_MODULES };


/** Client instances a library exports ready-made: `import { redis } from 'bun'`, `import { kv } from '@vercel/kv'`. */
const CLIENT_INSTANCES: Record<string, CacheLib> = {
  'bun:redis': 'bun-redis',
  '@vercel/kv:kv': 'vercel-kv',
  '@vercel/kv:default': 'vercel-kv',
  // const cache = require('memory-cache'): the module is the cache
  'memory-cache:*': 'memory-cache',
  'memory-cache:default': 'memory-cache',
  // import cache from '@adonisjs/cache/services/main' (the application's BentoCache)
  '@adonisjs/cache/services/main:default': 'bentocache',
};

/** Factory functions returning a client: `createClient()`, `caching('memory', { ttl })`. */
const CLIENT_FACTORIES: Record<string, CacheLib> = {
  'redis:createClient': 'node-redis',
  'redis:createCluster': 'node-redis',
  '@redis/client:createClient': 'node-redis',
  'cache-manager:caching': 'cache-manager',
  'cache-manager:createCache': 'cache-manager',
  'cache-manager:multiCaching': 'cache-manager',
  '@vercel/kv:createClient': 'vercel-kv',
  'unstorage:createStorage': 'unstorage',
  '@keyv/redis:createKeyv': 'keyv',
  '@keyv/valkey:createKeyv': 'keyv',
  // lru-cache 6 and older construct without `new`: const cache = LRU({ max: 500, maxAge })
  'lru-cache:*': 'lru-cache',
  'lru-cache:default': 'lru-cache',
};

/** `typeof createClient` with the factory imported from a client library: that library's client. */
function factoryResult(t: ts.TypeNode | undefined, ctx: FileCtx): ClientRef | undefined {
  if (!t || !ts.isTypeQueryNode(t) || !ts.isIdentifier(t.exprName)) return undefined;
  const name = t.exprName.text;
  const imp = ctx.facts.imports.find((i) => i.local === name);
  const lib = imp && CLIENT_FACTORIES[`${imp.module}:${imp.name}`];
  return lib ? { t: 'lib', lib } : undefined;
}

/**
 * Is this specifier a project module (relative, a tsconfig `paths` alias, a workspace package)
 * rather than an npm package? The config loader read the layout (model/modules): facts cannot.
 */
export function isProjectModule(spec: string, ctx: FileCtx): boolean {
  return isProjectModuleIn(ctx.config, spec);
}

function libOfModule(module: string, ctx: FileCtx): CacheLib | undefined {
  return configuredLib(ctx.config, ctx.file, module) ?? libOfModuleName(module);
}

function importOf(e: ts.Expression, ctx: FileCtx): ImportFact | undefined {
  if (!ts.isIdentifier(e)) return undefined;
  const d = declarationOf(e, ctx.facts.imports);
  return d?.t === 'import' ? d.imp : undefined;
}

/** `new X(...)`: a client class from a cache module, or an instance of a project class. */
function fromNew(e: ts.NewExpression, ctx: FileCtx): ClientRef | undefined {
  let callee = unwrap(e.expression);
  // Pattern: export const cache = new Proxy({} as CacheService, { get: … }) — a lazy facade: what its target is cast to
  if (ts.isIdentifier(callee) && callee.text === 'Proxy' && !declarationOf(callee, ctx.facts.imports) && e.arguments?.length === 2) {
    const c = clientOf(e.arguments[0], ctx);
    return c?.t === 'lib' ? c : undefined;
  }
  // Pattern: new Redis.Cluster([...])  /  new IORedis.Cluster(...)
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'Cluster') callee = callee.expression;
  if (ts.isIdentifier(callee)) {
    const d = declarationOf(callee, ctx.facts.imports);
    if (d?.t === 'import') {
      const lib = libOfModule(d.imp.module, ctx);
      if (lib && (CLIENT_TYPES[lib].includes(d.imp.name) || configuredLib(ctx.config, ctx.file, d.imp.module))) {
        const prefix = lib === 'ioredis' ? keyPrefixOf(e.arguments ?? []) : undefined;
        const loader = lib === 'lru-cache' ? fetchMethodOf(e.arguments ?? [], ctx) : undefined;
        return { t: 'lib', lib, defaultTtl: defaultTtlOf(e.arguments ?? [], lib), ...ttlValue(e.arguments ?? [], lib), ...(prefix !== undefined ? { keyPrefix: prefix } : {}), ...(loader ? { loader } : {}) };
      }
      if (!lib && isProjectModule(d.imp.module, ctx)) return { t: 'type', ref: { module: d.imp.module, name: d.imp.name }, ...ctorArgsOf(e, ctx) };
    }
    if (d?.t === 'class') return { t: 'class', name: callee.text, ...ctorArgsOf(e, ctx) };
  }
  return undefined;
}

/** Pattern: new LRUCache({ max: 500, ttl, fetchMethod: async (id) => db.selectFrom('rounds')… }) — what `fetch` loads on a miss. */
function fetchMethodOf(args: readonly ts.Expression[], ctx: FileCtx): InstanceLoaders[string] | undefined {
  const o = args[0] && unwrap(args[0]);
  if (!o || !ts.isObjectLiteralExpression(o)) return undefined;
  for (const p of o.properties) {
    if (propertyNameText(p.name) !== 'fetchMethod') continue;
    if (ts.isMethodDeclaration(p)) return loaderOf(p, ctx);
    if (ts.isPropertyAssignment(p)) return loaderOf(p.initializer, ctx);
  }
  return undefined;
}

/**
 * Pattern: new RedisCache('memberAttributes', redis) — the literal arguments, for the keys its
 * constructor builds; and what its function arguments load (`{ fetcher: (k) => repo.findOneBy(…) }`),
 * for the values its methods cache. Every argument, literal or not: `new X()` (defaults apply)
 * differs from an instance built elsewhere.
 */
function ctorArgsOf(e: ts.NewExpression, ctx: FileCtx): { ctorArgs?: (string | null)[]; ctorLoaders?: InstanceLoaders } {
  const given = e.arguments ?? [];
  if (given.some(ts.isSpreadElement)) return {};
  const { args, loaders } = instanceArgs(given, ctx);
  return { ctorArgs: args, ...(loaders ? { ctorLoaders: loaders } : {}) };
}

function literalText(a: ts.Expression): string | null {
  const u = unwrap(a);
  return ts.isStringLiteralLike(u) || ts.isNumericLiteral(u) ? u.text : null;
}

/** Calls that return a client: factories, `Redis.fromEnv()`, `.duplicate()`, `.connect()`, Nest's `redisService.getClient()`. */
function fromCall(e: ts.CallExpression, ctx: FileCtx, depth: number): ClientRef | undefined {
  const callee = unwrap(e.expression);
  if (ts.isIdentifier(callee)) {
    const d = declarationOf(callee, ctx.facts.imports);
    if (d?.t === 'import') {
      const lib = CLIENT_FACTORIES[`${d.imp.module}:${d.imp.name}`];
      if (lib) return { t: 'lib', lib, defaultTtl: defaultTtlOf(e.arguments, lib), ...ttlValue(e.arguments, lib) };
      // Pattern: import { getRedis } from './redis'; getRedis().set(…)  (the linker reads what it returns)
      if (isProjectModule(d.imp.module, ctx)) return { t: 'import', ref: { module: d.imp.module, name: d.imp.name }, called: true };
      return undefined;
    }
    // Pattern: function getRedis() { return redis }  /  const getRedis = () => redis; getRedis().set(…)
    const fn = d?.t === 'function' ? d.node : d?.t === 'var' && d.node.initializer ? unwrap(d.node.initializer) : undefined;
    if (fn && (ts.isFunctionDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)))
      return memo(ctx, fn, () => returnedClient(fn, ctx, depth, clientOf, (t) => fromType(t, ctx)));
    return undefined;
  }
  const m = memberName(callee);
  if (!m || !(ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))) return undefined;
  // Pattern: container.get<Redis>(kRedis) / container.resolve<Redis>('redis') — a DI container's answer, typed by the call
  if (CONTAINER_GETTERS.has(m) && e.typeArguments?.length === 1) {
    const typed = fromType(e.typeArguments[0], ctx);
    if (typed) return typed;
  }
  const recv = unwrap(callee.expression);
  // Pattern: this.getClient().set(…) with `getClient(): Redis { return this.client }` in the class
  const own = thisMember(callee);
  const method = own && ownMethod(own.cls, own.name);
  if (method) return memo(ctx, method, () => returnedClient(method, ctx, depth, clientOf, (t) => fromType(t, ctx)));
  // Pattern: this.getClient().set(…) with getClient() inherited from a base class
  if (own && !method && own.cls.name && extendsClause(own.cls) && !own.cls.members.some((x) => propertyNameText(x.name) === own.name))
    return { t: 'member', of: { local: own.cls.name.text }, name: own.name, call: true };
  // Pattern: cacheManager.caching({ store: 'memory', ttl })  (cache-manager v4 default/namespace import)
  if (m === 'caching' || m === 'multiCaching' || m === 'createCache') {
    const imp = importOf(recv, ctx);
    if (imp && libOfModule(imp.module, ctx) === 'cache-manager') return { t: 'lib', lib: 'cache-manager', defaultTtl: defaultTtlOf(e.arguments, 'cache-manager') };
  }
  // Pattern: Redis.fromEnv()  (@upstash/redis)
  if (m === 'fromEnv') {
    const imp = importOf(recv, ctx);
    if (imp && libOfModule(imp.module, ctx) === 'upstash') return { t: 'lib', lib: 'upstash' };
    // Pattern: import { Redis } from '@acme/upstash' (a package of the project re-exporting @upstash/redis):
    // the linker follows the re-export to the library's class
    if (imp && isProjectModule(imp.module, ctx)) return { t: 'type', ref: { module: imp.module, name: imp.name } };
  }
  // Pattern: await GlideClient.createClient({ addresses })  (@valkey/valkey-glide)
  if (m === 'createClient') {
    const imp = importOf(recv, ctx);
    if (imp && libOfModule(imp.module, ctx) === 'valkey-glide' && CLIENT_TYPES['valkey-glide'].includes(imp.name)) return { t: 'lib', lib: 'valkey-glide' };
  }
  // Pattern: this.cachingFactory.getCaching('default')  (@midwayjs/cache-manager)
  if ((m === 'getCaching' || m === 'getMultiCaching' || m === 'get') && declaredTypeModule(recv, ctx) === '@midwayjs/cache-manager') {
    const name = e.arguments[0] && unwrap(e.arguments[0]);
    return { t: 'lib', lib: 'midway-cache-manager', ...(name && ts.isStringLiteralLike(name) ? { config: name.text } : {}) };
  }
  // Pattern: this.redisServiceFactory.get('cache')  (@midwayjs/redis: a named ioredis client)
  if ((m === 'get' || m === 'getClient') && declaredTypeModule(recv, ctx) === '@midwayjs/redis') return { t: 'lib', lib: 'ioredis' };
  // Pattern: redis.createClient({ url }) with `import redis from 'redis'` (a default or namespace import)
  if (m === 'createClient' || m === 'createCluster') {
    const imp = importOf(recv, ctx);
    const lib = imp && (imp.name === 'default' || imp.name === '*') ? CLIENT_FACTORIES[`${imp.module}:${m}`] : undefined;
    if (lib) return { t: 'lib', lib, defaultTtl: defaultTtlOf(e.arguments, lib), ...ttlValue(e.arguments, lib) };
  }
  // Pattern: createClient({ url }).on('error', log) — an emitter's listener methods return the emitter
  if (m === 'on' || m === 'once' || m === 'off' || m === 'addListener' || m === 'setMaxListeners') {
    const c = clientOf(recv, ctx, depth + 1);
    if (c?.t === 'lib') return c;
  }
  // Pattern: cache.namespace('posts').getOrSet({ … }) / cache.use('redis') (bentocache): a view of the same store
  if (m === 'namespace' || m === 'use') {
    const c = clientOf(recv, ctx, depth + 1);
    if (c?.t === 'lib' && c.lib === 'bentocache') return c;
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
  // Pattern: export default CacheService.getInstance() — a singleton's accessor returns an instance of its class
  const single = singletonOf(recv, m, ctx);
  if (single) return single;
  // Pattern: require('./cache').init()  (the linker reads what the module's `init` returns)
  if (ts.isCallExpression(recv) && ts.isIdentifier(recv.expression) && recv.expression.text === 'require' && ts.isPropertyAccessExpression(callee)) {
    const spec = recv.arguments[0];
    if (spec && ts.isStringLiteralLike(spec) && !declarationOf(recv.expression, ctx.facts.imports) && isProjectModule(spec.text, ctx))
      return { t: 'import', ref: { module: spec.text, name: '*', member: [m] }, called: true };
    return undefined;
  }
  const base = clientOf(recv, ctx, depth + 1);
  // Pattern: const cache = require('./cache'); cache.init()  /  import * as cache from './cache'
  if (base?.t === 'import' && !base.called && base.ref.name === '*' && !base.ref.member && ts.isPropertyAccessExpression(callee))
    return { t: 'import', ref: { ...base.ref, member: [m] }, called: true };
  // Pattern: this.redisService.getRedis().del(k) with RedisService a project class whose getRedis() returns a client
  const of = memberOwner(base);
  if (of) return { t: 'member', of, name: m, call: true };
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

/** Types that keep the members of their first argument: `Omit<RedisClientType, 'set'>` is still a client. */
const MEMBER_KEEPING = new Set(['Omit', 'Pick', 'Partial', 'Readonly', 'Required', 'NonNullable']);

/** A declared type: `Redis` from ioredis, `Cache` from cache-manager, a project class. */
export function fromType(type: ts.TypeNode | undefined, ctx: FileCtx, depth = 0): ClientRef | undefined {
  // Pattern: type AugmentedRedis = Omit<Redis, 'pipeline'> & AugmentedRedisCommands & { pipeline(…): … } — the client among them
  if (type && ts.isIntersectionTypeNode(type) && depth <= 4) {
    for (const t of type.types) {
      const c = ts.isTypeLiteralNode(t) ? undefined : fromType(t, ctx, depth + 1);
      if (c?.t === 'lib') return c;
    }
    return undefined;
  }
  // Pattern: (): Redis | Cluster | null — one client library, or nothing
  if (type && ts.isUnionTypeNode(type) && depth <= 4) {
    const some = type.types.filter((t) => !isNothingType(t));
    const libs = some.map((t) => fromType(t, ctx, depth + 1));
    const first = libs[0];
    return first?.t === 'lib' && libs.every((c) => c?.t === 'lib' && c.lib === first.lib) ? { t: 'lib', lib: first.lib } : undefined;
  }
  const tn = typeRefName(type);
  if (!tn) return undefined;
  // Pattern: interface AppRedis extends Omit<RedisClientType, 'get' | 'set'> { get(…); set(…) }
  if (MEMBER_KEEPING.has(tn.name) && !ctx.topTypes().has(tn.name)) return depth <= 4 ? fromType(tn.args[0], ctx, depth + 1) : undefined;
  // Pattern: export type RedisClientType = ReturnType<typeof createClient> — what a client factory returns
  if (tn.name === 'ReturnType' && !ctx.topTypes().has(tn.name)) return factoryResult(tn.args[0], ctx);
  const [head, tail] = tn.name.split('.');
  const imp = ctx.facts.imports.find((i) => i.local === head);
  if (imp) {
    const lib = libOfModule(imp.module, ctx);
    const exported = tail ?? imp.name;
    // Pattern: constructor(private cache: Cache) with Cache from @nestjs/cache-manager (v3 injects by type)
    if (imp.module === '@nestjs/cache-manager' && exported === 'Cache') return { t: 'lib', lib: 'cache-manager', nest: true };
    // Pattern: @Inject() cacheManager: CacheManager  (@midwayjs/cache: one store, configured under `cache`)
    if (lib === 'midway-cache' && CLIENT_TYPES[lib].includes(exported)) return { t: 'lib', lib, config: '@cache' };
    // Pattern: @Inject() redisService: RedisService  (@midwayjs/redis: the service extends ioredis's Redis)
    if (imp.module === '@midwayjs/redis' && exported === 'RedisService') return { t: 'lib', lib: 'ioredis' };
    if (lib) return CLIENT_TYPES[lib].includes(exported) || configuredLib(ctx.config, ctx.file, imp.module) ? { t: 'lib', lib } : undefined;
    if (isProjectModule(imp.module, ctx) || !tail) return isProjectModule(imp.module, ctx) ? { t: 'type', ref: { module: imp.module, name: imp.name } } : undefined;
    return undefined;
  }
  if (ctx.config.wrappers.includes(head)) return { t: 'class', name: head };
  // a class declared in this file (a class and a type alias of one name cannot both be declared)
  const local = ctx.topTypes().get(head);
  if (local && ts.isClassDeclaration(local)) return { t: 'class', name: head };
  if (!local || tail || depth > 4) return undefined;
  // Pattern: interface CustomRedisClient extends Omit<RedisClientType, 'set'> { … } — a client with its own signatures
  if (ts.isInterfaceDeclaration(local)) {
    const store = keyedStoreOf(local.members);
    if (store) return { t: 'lib', lib: 'keyed-store', ...store };
    for (const h of local.heritageClauses ?? [])
      for (const t of h.types) {
        const c = fromType(t, ctx, depth + 1);
        if (c?.t === 'lib') return c;
      }
    return undefined;
  }
  // Pattern: type CacheService = { get<T>(key: string): Promise<T | null>; set(…); del(keys: string[]) } — a port as an object type
  if (ts.isTypeLiteralNode(local.type)) {
    const store = keyedStoreOf(local.type.members);
    return store && { t: 'lib', lib: 'keyed-store', ...store };
  }
  // Pattern: type RedisClient = RedisClientType<RedisDefaultModules>; … private client: RedisClient
  return fromType(local.type, ctx, depth + 1);
}

/** Nest injection decorators: `@InjectRedis()`, `@Inject(CACHE_MANAGER)`. */
function fromDecorators(node: ts.Node, ctx: FileCtx): ClientRef | undefined {
  for (const d of decoratorsOf(node)) {
    if (d.name === 'InjectRedis') return { t: 'lib', lib: 'ioredis' };
    // Pattern: @InjectClient(CachingFactory, 'default') cache: MidwayCache  (@midwayjs/cache-manager)
    if (d.name === 'InjectClient' && d.args[0] && importOf(d.args[0], ctx)?.module === '@midwayjs/cache-manager') {
      const name = d.args[1] && unwrap(d.args[1]);
      // without a name: the factory's default client
      if (!name) return { t: 'lib', lib: 'midway-cache-manager', config: 'default' };
      return { t: 'lib', lib: 'midway-cache-manager', ...(ts.isStringLiteralLike(name) ? { config: name.text } : {}) };
    }
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
  let field: MemberDecl | undefined;
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && m.name && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) && m.name.text.replace(/^#/, '') === name.replace(/^#/, '')) {
      field = { type: m.type, init: m.initializer, node: m };
      if (m.initializer) return field;
    }
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
        // Pattern: private readonly cache: RedisCache; constructor() { this.cache = new RedisCache('attrs', r) }
        if (t && t.name === name) return field ? { ...field, init: b.right } : { init: b.right, node: b };
      }
    }
  }
  // Pattern: constructor() { this.init() } init() { this.keyv = new Keyv(url) } — set up in a method of
  // its own: the one value every assignment of the class gives it
  if (!field?.type && !field?.init) {
    const set = ownAssignments(cls, name);
    // (on both branches of a condition alike: `this.keyv = url ? … : …` written as if/else, `new Keyv(url)` / `new Keyv()`)
    if (set.length && set.every((x) => sameMaker(x.right, set[0].right))) return field ? { ...field, init: set[0].right } : { init: set[0].right, node: set[0] };
  }
  return field;
}

/** One value, or instances of one class made alike (`new Keyv(url)` and `new Keyv()`). */
function sameMaker(a: ts.Expression, b: ts.Expression): boolean {
  const x = unwrap(a);
  const y = unwrap(b);
  if (x === y) return true;
  return ts.isNewExpression(x) && ts.isNewExpression(y) && x.expression.getText() === y.expression.getText();
}

/** `this.x = v` in the class's own instance code (not a nested function's `this`), from the class's one walk of assignments. */
function ownAssignments(cls: ts.ClassLikeDeclaration, name: string): ts.BinaryExpression[] {
  return (assignedMembers(cls).get(name) ?? []).filter((b) => {
    const at = thisClass(b);
    return b.operatorToken.kind === ts.SyntaxKind.EqualsToken && at?.cls === cls && !at.isStatic && !!thisMember(b.left);
  });
}

/**
 * Pattern: /** @type {import('ioredis').Redis} *\/ let redis / @param {Redis} redis — a JavaScript
 * binding typed by JSDoc with a library's client type.
 */
function fromJsDoc(node: ts.VariableDeclaration | ts.ParameterDeclaration, ctx: FileCtx): ClientRef | undefined {
  const text = node.type ? undefined : jsDocTypeText(node, ctx);
  const ref = text ? jsDocTypeRef(text) : undefined;
  if (!ref) return undefined;
  const imp = ref.module === undefined ? ctx.facts.imports.find((i) => i.local === ref.name) : undefined;
  const module = ref.module ?? imp?.module;
  const name = ref.module !== undefined ? ref.name : imp?.name;
  if (module === undefined || name === undefined) return undefined;
  // (a project's own class named so, `import('client')`, is left alone: what its members hold is
  // followed through its declared types, which a JavaScript class lacks)
  const lib = libOfModule(module, ctx);
  return lib && (CLIENT_TYPES[lib].includes(name) || configuredLib(ctx.config, ctx.file, module)) ? { t: 'lib', lib } : undefined;
}

function fromDecl(d: Decl, ctx: FileCtx, depth: number): ClientRef | undefined {
  switch (d.t) {
    case 'import': {
      // Pattern: import { redis } from 'bun'  /  import { kv } from '@vercel/kv'
      const instance = CLIENT_INSTANCES[`${d.imp.module}:${d.imp.name}`];
      // (memory-cache's own instance has no default TTL: a put without a time keeps the entry)
      if (instance) return instance === 'memory-cache' ? { t: 'lib', lib: instance, defaultTtl: false } : { t: 'lib', lib: instance };
      const lib = libOfModule(d.imp.module, ctx);
      if (lib) return configuredLib(ctx.config, ctx.file, d.imp.module) ? { t: 'lib', lib } : undefined;
      return { t: 'import', ref: { module: d.imp.module, name: d.imp.name } };
    }
    case 'var':
      return (
        fromDecorators(d.node, ctx) ??
        fromType(d.node.type, ctx) ??
        fromJsDoc(d.node, ctx) ??
        // Pattern: const cache = this.ctx.cache as Cache  (the cast says what it is)
        fromType(castTypeOf(d.node.initializer), ctx) ??
        (d.node.initializer ? clientOf(d.node.initializer, ctx, depth + 1) : undefined) ??
        laterAssignedClient(d.node, ctx, depth, clientOf)
      );
    case 'param':
      return fromDecorators(d.node, ctx) ?? fromType(d.node.type, ctx) ?? fromJsDoc(d.node, ctx) ?? poolCallbackClient(d.node, d.index, ctx, depth);
    default:
      return undefined;
  }
}

/**
 * The application object of a framework that hangs its Redis client on it: `this.app` (an egg
 * service or controller), `ctx.app`, `this.ctx.app`, an `app` or `fastify` parameter or binding.
 */
function isFrameworkApp(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isIdentifier(u)) return u.text === 'app' || u.text === 'fastify';
  return ts.isPropertyAccessExpression(u) && u.name.text === 'app' && isThisOrCtx(u.expression);
}

/** `this`, or an egg request context: `ctx`, `this.ctx`. */
function isThisOrCtx(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (u.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(u) && u.text === 'ctx')) return true;
  return ts.isPropertyAccessExpression(u) && u.name.text === 'ctx' && unwrap(u.expression).kind === ts.SyntaxKind.ThisKeyword;
}

/**
 * Egg's services by convention: `this.service.cache` (in a controller or service) or
 * `ctx.service.user.profile` is the instance of the class `app/service/cache.js` or
 * `app/service/user/profile.js` exports, with no import. Only in a file of an egg layout (under
 * `app/`) and where the class declares no `service` member of its own (a Nest controller's
 * `private readonly service: UsersService` is that).
 */
function eggServiceModule(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, ctx: FileCtx): string | undefined {
  const names: string[] = [];
  let x: ts.Expression = e;
  while (ts.isPropertyAccessExpression(x) && x.name.text !== 'service') {
    names.unshift(x.name.text);
    x = unwrap(x.expression);
  }
  if (names.length === 0) return undefined;
  if (ts.isIdentifier(x)) {
    // Pattern: const { ctx, service } = this; … service.cache.get(k)
    const d = x.text === 'service' ? declarationOf(x, ctx.facts.imports) : undefined;
    if (d?.t !== 'binding' || !d.node.initializer || !isThisOrCtx(d.node.initializer)) return undefined;
  } else {
    if (!ts.isPropertyAccessExpression(x) || !isThisOrCtx(x.expression)) return undefined;
    // a class of its own holding a `service` (`this.service = new ReportClient()`) is not egg's registry
    const own = unwrap(x.expression).kind === ts.SyntaxKind.ThisKeyword ? enclosingClass(x) : undefined;
    if (own && memberDecl(own, 'service')) return undefined;
  }
  const file = ctx.file.replace(/\\/g, '/');
  const at = file.lastIndexOf('/app/');
  if (at < 0) return undefined;
  const rel = posix.relative(posix.dirname(file), posix.join(file.slice(0, at + 4), 'service', ...names));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Names the runtime or the module system declares: never a parameter's property nor a project's namespace. */
export const RUNTIME_GLOBALS = new Set([
  'console', 'JSON', 'Math', 'Promise', 'Object', 'Array', 'process', 'Date', 'Number', 'String', 'Boolean', 'Symbol', 'Reflect',
  'Buffer', 'globalThis', 'global', 'window', 'document', 'self', 'require', 'module', 'exports', 'Error', 'Map', 'Set', 'WeakMap',
  'URL', 'crypto', 'performance', 'Intl', 'navigator', 'location', 'localStorage', 'sessionStorage', 'Bun', 'Deno',
]);

/** The type an expression is cast to: `x as Cache`, `<Cache>x`, `x satisfies Cache` (through parentheses and `await`). */
function castTypeOf(e: ts.Expression | undefined): ts.TypeNode | undefined {
  let x = e;
  for (let i = 0; x && i < 4; i++) {
    if (ts.isAsExpression(x) || ts.isTypeAssertionExpression(x) || ts.isSatisfiesExpression(x)) return x.type;
    x = ts.isParenthesizedExpression(x) || ts.isAwaitExpression(x) || ts.isNonNullExpression(x) ? x.expression : undefined;
  }
  return undefined;
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

/**
 * Pattern: global.redis || new Redis(url) (a development singleton kept across reloads) /
 * cluster ? new Redis.Cluster(nodes) : new Redis(opts) — one client either way. The other side of
 * `||` or `??` may be a property of the global object, which the singleton was given before.
 */
function eitherClient(e: ts.BinaryExpression | ts.ConditionalExpression, ctx: FileCtx, depth: number): ClientRef | undefined {
  if (ts.isConditionalExpression(e)) {
    // Pattern: url ? new Redis(url) : null — a client, or none when it is not configured
    if (isNullish(e.whenFalse) || isNullish(e.whenTrue)) {
      const c = clientOf(isNullish(e.whenFalse) ? e.whenTrue : e.whenFalse, ctx, depth + 1);
      return c?.t === 'lib' ? c : undefined;
    }
    const a = clientOf(e.whenTrue, ctx, depth + 1);
    const b = a?.t === 'lib' ? clientOf(e.whenFalse, ctx, depth + 1) : undefined;
    return a?.t === 'lib' && b?.t === 'lib' && a.lib === b.lib ? (JSON.stringify(a) === JSON.stringify(b) ? a : { t: 'lib', lib: a.lib }) : undefined;
  }
  const op = e.operatorToken.kind;
  if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return undefined;
  const right = clientOf(e.right, ctx, depth + 1);
  if (right?.t !== 'lib') return undefined;
  let root = unwrap(e.left);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = unwrap(root.expression);
  const globalSide = ts.isIdentifier(root) && /^global/.test(root.text);
  return globalSide || JSON.stringify(clientOf(e.left, ctx, depth + 1)) === JSON.stringify(right) ? right : undefined;
}

export function clientOf(expr: ts.Expression, ctx: FileCtx, depth = 0): ClientRef | undefined {
  if (depth > 8) return undefined;
  // Pattern: (app.cache as Cache).get(k)
  const cast = castTypeOf(expr);
  if (cast) {
    const c = fromType(cast, ctx);
    if (c) return c;
  }
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const d = declarationOf(e, ctx.facts.imports);
    if (!d) {
      // Pattern: function factory({ journeyCache }: { journeyCache: NodeCache }) { … journeyCache.get(id) … }
      const p = RUNTIME_GLOBALS.has(e.text) ? undefined : paramPropertyOf(e);
      return p && fromType(memberTypeOf(p.node.type, p.prop, ctx), ctx);
    }
    // Pattern: const { redis, logger } = this.app  (egg's service)
    if (d.t === 'binding' && d.node.initializer && ts.isObjectBindingPattern(d.node.name) && isFrameworkApp(d.node.initializer)) {
      return boundMember(d.node.name, e.text) === 'redis' ? { t: 'lib', lib: 'ioredis' } : undefined;
    }
    // Pattern: import { REDIS } from '@acme/connectors'; const { cache } = REDIS — a member of an imported object
    if (d.t === 'binding') return importedMemberBinding(d.node, e.text, ctx, depth);
    const key = d.t === 'import' ? undefined : d.node;
    return key ? memo(ctx, key, () => fromDecl(d, ctx, depth)) : fromDecl(d, ctx, depth);
  }
  if (ts.isNewExpression(e)) return fromNew(e, ctx);
  if (ts.isCallExpression(e)) return fromCall(e, ctx, depth);
  if (ts.isBinaryExpression(e) || ts.isConditionalExpression(e)) return eitherClient(e, ctx, depth);
  const tm = thisMember(e);
  if (tm) return memberClientOf(tm.cls, tm.name, ctx, depth);
  if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return undefined;
  // Pattern: Bun.redis.set(k, v)  (the runtime's global, unless a local `Bun` shadows it)
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'redis' && ts.isIdentifier(e.expression) && e.expression.text === 'Bun' && !declarationOf(e.expression, ctx.facts.imports))
    return { t: 'lib', lib: 'bun-redis' };
  // Pattern: this.service.cache.get(k) / ctx.service.user.find(id) (egg: app/service/cache.js by convention)
  const service = eggServiceModule(e, ctx);
  if (service) return { t: 'type', ref: { module: service, name: 'default' } };
  // Pattern: this.app.redis.get(k) / app.redis.set(…) (egg-redis, @fastify/redis: ioredis on the app)
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'redis' && isFrameworkApp(e.expression)) return { t: 'lib', lib: 'ioredis' };
  const name = memberName(e);
  if (name === undefined) return undefined;
  // Pattern: RedisUtility.instance.get(k) / CacheStore.client.set(…) — a static member of a class of this file
  const owner = ts.isIdentifier(e.expression) ? declarationOf(e.expression, ctx.facts.imports) : undefined;
  if (owner?.t === 'class' && hasStatic(owner.node, name)) return memberClientOf(owner.node, name, ctx, depth + 1);
  const base = clientOf(e.expression, ctx, depth + 1);
  // Pattern: cacheModule.redis.set(...) with cacheModule imported (namespace or object export)
  if (base?.t === 'import' && !base.called && ts.isPropertyAccessExpression(e)) return { t: 'import', ref: { ...base.ref, member: [...(base.ref.member ?? []), name] } };
  // Pattern: this.clients.redis with `clients: AppClients` imported, or an instance of a class of this file
  const of = memberOwner(base);
  if (of) return { t: 'member', of, name };
  // Pattern: this.clients.redis with `clients: { redis: Redis }` or an interface of this file
  const typed = fromType(memberTypeOf(declaredTypeOf(e.expression, ctx, depth), name, ctx), ctx);
  if (typed) return typed;
  return objectMemberClient(e, ctx, depth, clientOf);
}

/** `const { cache, keys: k } = REDIS` with `REDIS` imported: `cache` is `REDIS.cache` of that module. */
function importedMemberBinding(decl: ts.VariableDeclaration, name: string, ctx: FileCtx, depth: number): ClientRef | undefined {
  if (!ts.isObjectBindingPattern(decl.name) || !decl.initializer) return undefined;
  const prop = boundMember(decl.name, name);
  if (prop === undefined) return undefined;
  const base = ts.isIdentifier(unwrap(decl.initializer)) || ts.isPropertyAccessExpression(unwrap(decl.initializer)) ? clientOf(decl.initializer, ctx, depth + 1) : undefined;
  return base?.t === 'import' && !base.called ? { t: 'import', ref: { ...base.ref, member: [...(base.ref.member ?? []), prop] } } : undefined;
}

/** `null`, `undefined` or `void` in a union type: what a factory returns when it makes nothing. */
function isNothingType(t: ts.TypeNode): boolean {
  if (t.kind === ts.SyntaxKind.UndefinedKeyword || t.kind === ts.SyntaxKind.VoidKeyword) return true;
  return ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword;
}

/**
 * `CacheService.getInstance()`: a static method of a class of this file returning an instance of
 * that class (`new CacheService()`, or a static field holding one), or `getInstance()` of a class
 * imported from the project.
 */
function singletonOf(recv: ts.Expression, method: string, ctx: FileCtx): ClientRef | undefined {
  if (!ts.isIdentifier(recv)) return undefined;
  const d = declarationOf(recv, ctx.facts.imports);
  if (d?.t === 'import') return method === 'getInstance' && isProjectModule(d.imp.module, ctx) ? { t: 'type', ref: { module: d.imp.module, name: d.imp.name } } : undefined;
  if (d?.t !== 'class' || !d.node.name) return undefined;
  const cls = d.node;
  const fn = cls.members.find((x): x is ts.MethodDeclaration => ts.isMethodDeclaration(x) && isStatic(x) && propertyNameText(x.name) === method);
  const returned = fn && returnExprsOf(fn);
  return returned?.length && returned.every((r) => makesOwnInstance(cls, unwrap(r))) ? { t: 'class', name: cls.name!.text } : undefined;
}

/** `new Cls()`, `Cls.instance` / `this.instance` (a static field), or `(this.instance ??= new Cls())`. */
function makesOwnInstance(cls: ts.ClassLikeDeclaration, e: ts.Expression): boolean {
  const name = cls.name?.text;
  if (ts.isNewExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === name;
  if (ts.isBinaryExpression(e)) return makesOwnInstance(cls, unwrap(e.right)) || makesOwnInstance(cls, unwrap(e.left));
  if (!ts.isPropertyAccessExpression(e)) return false;
  const holder = unwrap(e.expression);
  const own = holder.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(holder) && holder.text === name);
  const field = e.name.text;
  return own && cls.members.some((x) => ts.isPropertyDeclaration(x) && isStatic(x) && propertyNameText(x.name) === field && (!x.type || typeRefName(x.type)?.name === name));
}

/** `cls` declares a static field or getter `name`. */
function hasStatic(cls: ts.ClassLikeDeclaration, name: string): boolean {
  return cls.members.some((m) => (ts.isPropertyDeclaration(m) || ts.isGetAccessorDeclaration(m)) && ts.isIdentifier(m.name) && m.name.text === name && isStatic(m));
}

/** The class a member of `base` is looked up in by the linker: an imported type or a class of this file. */
function memberOwner(base: ClientRef | undefined): Extract<ClientRef, { t: 'member' }>['of'] | undefined {
  if (base?.t === 'type') return base.ref;
  if (base?.t === 'class') return { local: base.name };
  return undefined;
}

/**
 * `this.<name>` in `cls`: a member declared there (a field, a parameter property, a constructor
 * assignment), or, when the class extends another and does not declare it, the base's member,
 * which the linker finds in that class's facts.
 */
export function memberClientOf(cls: ts.ClassLikeDeclaration, name: string, ctx: FileCtx, depth: number): ClientRef | undefined {
  // `this.cache` is met on many calls of a class: resolve each member once
  const members = ctx.clientMemo.members;
  let byName = members.get(cls);
  if (!byName) members.set(cls, (byName = new Map()));
  if (byName.has(name)) return byName.get(name) ?? undefined;
  byName.set(name, null); // guards `this.a = this.a` cycles
  const md = memberDecl(cls, name);
  let r: ClientRef | undefined;
  // an instance built here (`new RedisCache('attrs', r)`) says more than its declared type: its constructor arguments
  const built = md?.init && ts.isNewExpression(unwrap(md.init)) ? clientOf(md.init, ctx, depth + 1) : undefined;
  const getter = md ? undefined : ownGetter(cls, name);
  if (md) r = fromDecorators(md.node, ctx) ?? (built?.t === 'class' || built?.t === 'type' ? built : undefined) ?? fromType(md.type, ctx) ?? (md.init ? clientOf(md.init, ctx, depth + 1) : undefined);
  // Pattern: private get redis() { return getSharedRedisClient(); } — an untyped getter: what it returns
  else if (getter) r = memo(ctx, getter, () => getterClient(getter, ctx, depth));
  // Pattern: class UserCache extends BaseCache { f() { return this.client.get(k) } } with `client` declared in BaseCache
  else if (cls.name && extendsClause(cls)) r = { t: 'member', of: { local: cls.name.text }, name };
  byName.set(name, r ?? null);
  return r;
}

/** The declared type of `e`: a parameter's or variable's annotation, a member's, a member of either. */
function declaredTypeOf(e: ts.Expression, ctx: FileCtx, depth: number): ts.TypeNode | undefined {
  if (depth > 8) return undefined;
  const u = unwrap(e);
  if (ts.isIdentifier(u)) {
    const d = declarationOf(u, ctx.facts.imports);
    return d?.t === 'param' || d?.t === 'var' ? d.node.type : undefined;
  }
  const tm = thisMember(u);
  if (tm) return memberDecl(tm.cls, tm.name)?.type;
  if (ts.isPropertyAccessExpression(u)) return memberTypeOf(declaredTypeOf(u.expression, ctx, depth + 1), u.name.text, ctx);
  return undefined;
}

/** The type of property `name` in an object type: a type literal, or an interface or type alias of this file. */
function memberTypeOf(type: ts.TypeNode | undefined, name: string, ctx: FileCtx): ts.TypeNode | undefined {
  let members: ts.NodeArray<ts.TypeElement> | undefined;
  if (type && ts.isTypeLiteralNode(type)) members = type.members;
  else if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const n = type.typeName.text;
    for (const st of ctx.sf.statements) {
      if (ts.isInterfaceDeclaration(st) && st.name.text === n) members = st.members;
      else if (ts.isTypeAliasDeclaration(st) && st.name.text === n && ts.isTypeLiteralNode(st.type)) members = st.type.members;
      if (members) break;
    }
  }
  const sig = members?.find((m) => ts.isPropertySignature(m) && propertyNameText(m.name) === name);
  return sig && ts.isPropertySignature(sig) ? sig.type : undefined;
}

/**
 * What another file may reach through an instance of `cls` (ClassFact.fields and returns): its
 * members holding a client or a project value, and its methods returning a client.
 */
export function classClients(cls: ts.ClassLikeDeclaration, ctx: FileCtx): Pick<ClassFact, 'fields' | 'returns' | 'ctorDefaults' | 'ctorTypes' | 'props'> {
  const fields: Record<string, ClientRef> = {};
  let returns: Record<string, ClientRef> | undefined;
  const names = memberNames(cls);
  for (const m of cls.members) {
    // Pattern: getRedis(name = 'default'): Redis { return this.redisService.getOrThrow(name) }
    if (ts.isMethodDeclaration(m) && m.body) {
      const n = propertyNameText(m.name);
      const r = n === undefined ? undefined : memo(ctx, m, () => returnedClient(m, ctx, 0, clientOf, (t) => fromType(t, ctx)));
      if (n !== undefined && r && (r.t === 'lib' || r.t === 'import' || r.t === 'member')) (returns ??= {})[n] = r;
    }
  }
  // Pattern: static get instance() { return (this._instance ??= new Redis(url)); } — reached as RedisUtility.instance
  // Pattern: get client(): RedisClientType { return this._client } — a typed getter, reached as redisService.client
  const getters = cls.members.flatMap((m) => (ts.isGetAccessorDeclaration(m) && ts.isIdentifier(m.name) && (isStatic(m) || !!m.type) ? [m.name.text] : []));
  // (and members a method of the class sets up: `init() { this.keyv = new Keyv() }`; memberDecl keeps the class's own)
  const setUp = [...assignedMembers(cls).keys()].filter((n) => ownAssignments(cls, n).length > 0);
  for (const n of new Set([...names, ...getters, ...setUp])) {
    const r = memberClientOf(cls, n, ctx, 0);
    if (r && r.t !== 'unknown' && r.t !== 'fn') fields[n] = r;
  }
  const ctor = cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
  const defaults = ctor?.parameters.map((p) => (p.initializer ? literalText(p.initializer) : null));
  const types = ctor?.parameters.map((p) => classTypeRef(p.type, ctx));
  return {
    fields,
    ...(returns ? { returns } : {}),
    ...(defaults?.some((d) => d !== null) ? { ctorDefaults: defaults } : {}),
    ...(types?.some((t) => t !== null) ? { ctorTypes: types } : {}),
    // what an instance cached from `return new AuthUser(…)` holds (static members too: a few names too many)
    ...(names.size > 0 ? { props: [...names].map((n) => n.toLowerCase()).sort() } : {}),
  };
}

/**
 * The data members of a class: declared properties, constructor parameter properties and `this.x =`
 * in the constructor (for the clients they may hold, and what an instance holds: ClassFact.props).
 */
function memberNames(cls: ts.ClassLikeDeclaration): Set<string> {
  const names = new Set<string>();
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && m.name && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name))) names.add(m.name.text);
    if (!ts.isConstructorDeclaration(m)) continue;
    for (const p of m.parameters) if (ts.isIdentifier(p.name) && ts.getModifiers(p)?.length) names.add(p.name.text);
    for (const st of m.body?.statements ?? [])
      if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const t = thisMember(st.expression.left);
        if (t) names.add(t.name);
      }
  }
  return names;
}

/** A type naming a class of the project by its name (`AuthService`): an import's ref, or a local name. */
function classTypeRef(t: ts.TypeNode | undefined, ctx: FileCtx): SymbolRef | { local: string } | null {
  if (!t || !ts.isTypeReferenceNode(t) || !ts.isIdentifier(t.typeName) || t.typeArguments?.length) return null;
  const name = t.typeName.text;
  const imp = ctx.facts.imports.find((i) => i.local === name);
  if (imp) return imp.module.startsWith('.') || isProjectModule(imp.module, ctx) ? { module: imp.module, name: imp.name } : null;
  return /^[A-Z]/.test(name) ? { local: name } : null;
}

/**
 * An interface or object type alias whose properties are typed as clients or project values
 * (`interface AppClients { redis: Redis }`), as a class without methods, for ClientRef `member`.
 */
export function typeClients(members: ts.NodeArray<ts.TypeElement>, ctx: FileCtx): Record<string, ClientRef> | undefined {
  let out: Record<string, ClientRef> | undefined;
  for (const m of members) {
    const n = ts.isPropertySignature(m) ? propertyNameText(m.name) : undefined;
    const r = n === undefined ? undefined : fromType((m as ts.PropertySignature).type, ctx);
    if (n !== undefined && r) (out ??= {})[n] = r;
  }
  return out;
}

/**
 * What an untyped getter returns: a client as a getter function's would be, or the result of an
 * imported getter (`getSharedRedisClient()`), which the linker checks returns a client.
 */
function getterClient(getter: ts.GetAccessorDeclaration, ctx: FileCtx, depth: number): ClientRef | undefined {
  const returned = returnedClient(getter, ctx, depth, clientOf, (t) => fromType(t, ctx));
  if (returned) return returned;
  const e = returnExprOf(getter);
  const c = e && clientOf(e, ctx, depth + 1);
  return c?.t === 'import' && c.called ? c : undefined;
}

/** A getter of the class with a body (`get redis() { … }`). */
export function ownGetter(cls: ts.ClassLikeDeclaration, name: string): ts.GetAccessorDeclaration | undefined {
  for (const m of cls.members) if (ts.isGetAccessorDeclaration(m) && m.body && propertyNameText(m.name) === name) return m;
  return undefined;
}

/** A method of the class with a body (`getClient() { … }`), not a field or an accessor. */
function ownMethod(cls: ts.ClassLikeDeclaration, name: string): ts.MethodDeclaration | undefined {
  for (const m of cls.members) if (ts.isMethodDeclaration(m) && m.body && propertyNameText(m.name) === name) return m;
  return undefined;
}

/** A DI container's lookups (tsyringe, InversifyJS, Awilix, Nest's ModuleRef, TypeDI). */
const CONTAINER_GETTERS = new Set(['get', 'resolve', 'getAsync', 'resolveAsync', 'getService', 'inject']);

/** Methods that lend their callback a client of their own: a pool's `execute`, node-redis's `executeIsolated`. */
const LENDING_METHODS = new Set(['execute', 'executeIsolated', 'use', 'withClient']);

/**
 * What lends a callback a client, when the callback is the first argument of its lending call:
 * `pool` in `pool.execute((client) => …)` (parentheses around the callback allowed).
 */
export function lenderOf(cb: ts.Node): ts.Expression | undefined {
  const call = ts.isArrowFunction(cb) || ts.isFunctionExpression(cb) ? takenFirstBy(cb) : undefined;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) && LENDING_METHODS.has(callee.name.text) ? callee.expression : undefined;
}

/**
 * Pattern: ioRedisPool.execute((client) => client.get(key)) — the first parameter of a callback a
 * client (or a pool of them) lends one to is that client's kind.
 */
function poolCallbackClient(p: ts.ParameterDeclaration, index: number, ctx: FileCtx, depth: number): ClientRef | undefined {
  const lender = index === 0 && !p.type ? lenderOf(p.parent) : undefined;
  const owner = lender && clientOf(lender, ctx, depth + 1);
  return owner?.t === 'lib' ? { t: 'lib', lib: owner.lib } : undefined;
}


/**
 * The default TTL value of a store whose options are read as its TTL argument's unit: not
 * cache-manager (its unit depends on the installed major) nor a Redis client (no default TTL).
 */
function ttlValue(args: readonly ts.Expression[], lib: CacheLib): { defaultTtlValue?: number } {
  if (lib === 'cache-manager' || isRedisLib(lib)) return {};
  const v = defaultTtlValueOf(args);
  return v !== undefined ? { defaultTtlValue: v } : {};
}
