// Reads each recorded call as cache ops: the receiver becomes a library client (or a project
// wrapper of one, followed across files and base classes), the verb gets its library semantics,
// keys become shapes. A call of a wrapper becomes the wrapper's ops with the caller's key, value
// and TTL (model/wrapper-summaries.ts); the ops inside a facade are marked `forwarded`, the calls
// of a helper that fixes its key inside are marked `echo` (rule.ts CacheOp).
import { configuredLib, type ResolvedConfig } from '../config';
import type { CacheOp } from '../rule';
import { classifyVerb, deleteVerbFor, FINDS_KEYS, type VerbInfo } from '../facts/cache/verbs';
import { CLIENT_MODULES, CLIENT_TYPES, LIBS, libOfModuleName } from '../facts/cache/client-modules';
import { isSentinelName } from '../facts/keys/sentinel-names';
import { expandKey, joinedParts, mergeLits, shapeOf } from '../facts/keys/shapes';
import type { ArgFact, CacheLib, CallFact, ClientRef, ExportValue, FileFacts, InstanceLoaders, KeyPart, MadeValue, SourceCall, SymbolRef } from '../facts/types';
import { CALLABLE, madeOwner } from '../syntax/made-names';
import { definingModule, type Leaving, type Resolved } from './resolve';
import type { FileKind } from './file-kinds';
import { forwardedTtlSeconds, paramOfHole, summarise, ttlAtCall, type WrapperSummary } from './wrapper-summaries';
import { isFlagWrite } from './roles';
import { decoratorOps } from './decorated-ops';

type Target =
  | { t: 'lib'; lib: CacheLib; defaultTtl?: boolean; defaultTtlValue?: number; nest?: boolean; keyPrefix?: string; del?: string; loader?: InstanceLoaders[string]; ttlMs?: true }
  /**
   * `ctorArgs`: the literal constructor arguments of the instance the call goes through (`new
   * RedisKVCache(r, 'userById')`); `loaders`: what the instance's function arguments load, and the
   * file that made or constructed it
   */
  | {
      t: 'wrapper';
      file: string;
      className: string;
      ctorArgs?: (string | null)[];
      loaders?: { file: string; by: InstanceLoaders };
      made?: MadeAt;
      /** the client library the class extends: its methods the class does not wrap are the client's */
      base?: CacheLib;
    }
  | { t: 'generic'; className: string };

/** An instance of what a project function makes (`const getTeam = cached('team', 600, load)`): where it was made. */
interface MadeAt {
  file: string;
  value: MadeValue;
  /** the instance's name, for labels */
  instance: string;
}



const MAX_DEPTH = 8;

/**
 * A wrapper target reached through an instance of that very class keeps the instance's constructor
 * arguments, and what its function arguments load (`made`: the `new` is in that file).
 */
function withCtor(t: Target | undefined, file: string, className: string, c: { ctorArgs?: (string | null)[]; ctorLoaders?: InstanceLoaders } | undefined, made: string): Target | undefined {
  if (t?.t !== 'wrapper' || !c?.ctorArgs || t.file !== file || t.className !== className) return t;
  return { ...t, ctorArgs: c.ctorArgs, ...(c.ctorLoaders ? { loaders: { file: made, by: c.ctorLoaders } } : {}) };
}

export interface OpReaderDeps {
  factsByFile: ReadonlyMap<string, FileFacts>;
  resolve(from: string, ref: SymbolRef, leaving?: Leaving): Resolved | undefined;
  resolveModule(from: string, spec: string): string | undefined;
  configFor(file: string): ResolvedConfig;
  /** the Nest CacheModule's default TTL across the project */
  nestTtl: boolean | undefined;
  /** its number as written (`ttl: 5000`), when known */
  nestTtlValue?: number;
  /** a Midway cache store's default TTL from the config files, by client name (link.ts) */
  midwayTtl?: (name: string) => boolean | undefined;
  /** the clients the project hangs on global namespaces (`WIKI.cache`), by path (link.ts) */
  globals?: ReadonlyMap<string, { file: string; client: ClientRef }>;
  /** the cache-manager major a file is written against (engine/packages.ts) */
  cacheManagerMajor?: (file: string) => number | undefined;
  /** a test or a script (model/file-kinds.ts, below the project root), for product-only lookups */
  kindOf?: (file: string) => FileKind | undefined;
}

export class OpReader {
  /** ops per (file, call id), computed lazily so wrappers can ask for their inner calls' ops */
  private readonly memo = new Map<string, CacheOp[]>();
  private readonly inProgress = new Set<string>();
  private readonly summaries = new Map<string, WrapperSummary | null>();
  /** how often an op was asked for while being computed (a summary read then may lack it) */
  private cycles = 0;
  /** interface (file, name) → the one project class implementing it, or null */
  private implementations?: Map<string, { file: string; name: string } | null>;

  constructor(private readonly d: OpReaderDeps) {}

  /** The cache ops a call makes (none: it is no cache call). */
  opsOf(file: string, call: CallFact): CacheOp[] {
    const memoKey = `${file}\0${call.id}`;
    const hit = this.memo.get(memoKey);
    if (hit) return hit;
    if (this.inProgress.has(memoKey)) {
      this.cycles++;
      return []; // recursive wrappers
    }
    this.inProgress.add(memoKey);
    let ops: CacheOp[] = [];
    const c = call.receiver;
    const t =
      c.t === 'fn' ? this.fnTarget(file, c) : c.t === 'unknown' ? this.globalTarget(c.global) : c.t === 'decorator' ? undefined : this.targetOf(file, c);
    // Pattern: @Cacheable('user:{id}') async findOne(id) {…} — the decorator's calls, with this decoration's key and TTL
    if (c.t === 'decorator') ops = decoratorOps(this, this.d, file, call);
    if (t?.t === 'lib') {
      // Pattern: keys(pattern) / scan(…, 'MATCH', pattern) whose finds are deleted: a delete of the pattern
      // Pattern: await client.GETDEL(key); — a GETDEL whose value is dropped only deletes
      const dropped = call.stmt !== undefined && /^getdel(async)?$/i.test(call.method);
      const v = call.matchDelete || dropped ? { kind: 'delete' as const, verb: 'del', keyArg: 0, nx: false } : classifyVerb(t.lib, call.method, call.args);
      if (v) ops = this.libOps(file, call, t, v);
    } else if (t?.t === 'wrapper') {
      // Pattern: getTeam(id) / getTeam.clear(id) — the closure itself, or its member
      // Pattern: clearTeam(id) with `const { del: clearTeam } = cached('team', load)` — the member it was bound to
      const bound = t.made?.value.member;
      const method = t.made ? (c.t === 'fn' && !c.member ? bound ?? CALLABLE : bound === undefined ? call.method : undefined) : c.t === 'fn' ? c.ref?.name ?? call.method : call.method;
      ops = method === undefined ? [] : this.wrapperOps(file, call, t, method);
      // Pattern: class Cache extends LRUCache { invalidate(keys) {…} } — Member.cache.get(k) is LRUCache's get
      if (ops.length === 0 && t.base && method !== undefined && !this.wrapperOwner(t.file, t.className, method)) {
        const v = classifyVerb(t.base, call.method, call.args);
        if (v) ops = this.libOps(file, call, { t: 'lib', lib: t.base }, v);
      }
    } else if (t?.t === 'generic') {
      const op = this.genericOp(file, call, t.className);
      if (op) ops = [op];
    }
    this.inProgress.delete(memoKey);
    this.memo.set(memoKey, ops);
    return ops;
  }

  keyOf(file: string, parts: KeyPart[] | undefined, keyPrefix?: string): CacheOp['key'] {
    if (!parts) return undefined;
    let out = expandKey(parts, (ref, from) => this.d.resolve(from ?? file, ref));
    // the client stores every key under its keyPrefix (ioredis `new Redis({ keyPrefix })`)
    if (keyPrefix) out = [{ lit: keyPrefix }, ...out];
    return { parts: out, shape: shapeOf(out) };
  }

  private targetOf(file: string, c: ClientRef, depth = 0): Target | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (c.t) {
      case 'lib':
        return {
          t: 'lib',
          lib: c.lib,
          defaultTtl: c.nest ? this.d.nestTtl : c.config !== undefined ? this.d.midwayTtl?.(c.config) : c.defaultTtl ?? (LIBS[c.lib].expiresByDefault || undefined),
          ...(c.nest || c.config !== undefined || c.defaultTtlValue === undefined ? {} : { defaultTtlValue: c.defaultTtlValue }),
          nest: c.nest,
          keyPrefix: c.keyPrefix,
          ...(c.del ? { del: c.del } : {}),
          ...(c.ttlMs ? { ttlMs: c.ttlMs } : {}),
          ...(c.loader ? { loader: c.loader } : {}),
        };
      case 'class':
        return withCtor(this.classTarget(file, c.name, depth), file, c.name, c, file);
      case 'type':
      case 'import': {
        if (CLIENT_MODULES[c.ref.module]) return undefined;
        // Pattern: const cache = require('./cache') / import * as cache from './cache'; cache.get(k) — with the
        // module's own functions wrapping a client (`exports.get = async (k) => …`), not a client it exports
        if (c.t === 'import' && c.ref.name === '*' && !c.ref.member?.length && !c.called) {
          const target = this.d.resolveModule(file, c.ref.module);
          const facts = target ? this.d.factsByFile.get(target) : undefined;
          if (facts && facts.exports.default?.t !== 'client' && facts.wrappers.some((w) => w.className === '')) return { t: 'wrapper', file: target!, className: '' };
        }
        // Pattern: private redis: Redis with `export { Redis } from 'ioredis'` in the project's redis package
        let lib: CacheLib | undefined;
        const r = this.d.resolve(file, c.ref, c.t === 'type' ? (from, ext) => (lib ??= this.clientTypeLib(from, ext)) : undefined);
        if (!r) return lib ? { t: 'lib', lib } : undefined;
        // a getter's result (`getRedis().set`) is its client; the getter itself is no client
        const called = c.t === 'import' && !!c.called;
        if (r.value.t === 'client') return !!r.value.returned === called ? this.targetOf(r.file, r.value.client, depth + 1) : undefined;
        if (called) return undefined;
        // Pattern: getTeam.clear(id) with getTeam imported, made by `cached('team', 600, load)` there
        const made = madeOf(r.value);
        if (made) return this.madeTarget(r.file, made, c.ref.name);
        if (r.value.t === 'class') return withCtor(this.classTarget(r.file, r.value.name, depth), r.file, r.value.name, c.t === 'type' ? c : undefined, file);
        // Pattern: const cache = require('./cache') with `module.exports = { set: (k, v) => … }`
        if (r.value.t === 'object' && r.value.wrappers !== undefined) return { t: 'wrapper', file: r.file, className: r.value.wrappers };
        return undefined;
      }
      case 'member': {
        const owner = this.classOf(file, c.of);
        return owner && this.memberTarget(owner.file, owner.name, c.name, !!c.call, depth + 1);
      }
      default:
        return undefined;
    }
  }

  /** `WIKI.cache`: what the project assigns to that member of a global namespace (one assignment, or one kind). */
  private globalTarget(path: string | undefined): Target | undefined {
    const g = path === undefined ? undefined : this.d.globals?.get(path);
    return g && this.targetOf(g.file, g.client);
  }

  /** The library of a client type a re-export chain leaves the project for (`Redis` from ioredis). */
  private clientTypeLib(from: string, ref: SymbolRef): CacheLib | undefined {
    if (ref.member?.length) return undefined;
    const configured = configuredLib(this.d.configFor(from), from, ref.module);
    if (configured) return configured;
    const lib = libOfModuleName(ref.module);
    return lib && CLIENT_TYPES[lib].includes(ref.name) ? lib : undefined;
  }

  /** The class (or interface) `of` names, seen from `file`. */
  private classOf(file: string, of: Extract<ClientRef, { t: 'member' }>['of']): { file: string; name: string } | undefined {
    if ('local' in of) return { file, name: of.local };
    if (CLIENT_MODULES[of.module]) return undefined;
    const r = this.d.resolve(file, of);
    return r?.value.t === 'class' ? { file: r.file, name: r.value.name } : undefined;
  }

  /**
   * Member `name` of class `className` (a field, or with `call` a method returning a client),
   * declared there or in a base class: `this.client` from BaseCache, `svc.getRedis()`.
   */
  private memberTarget(file: string, className: string, name: string, call: boolean, depth: number): Target | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const cls = this.d.factsByFile.get(file)?.classes.find((k) => k.name === className);
    if (!cls) return undefined;
    const ref = call ? cls.returns?.[name] : cls.fields[name];
    if (ref) return this.targetOf(file, ref, depth + 1);
    // a member the class declares without a client in it is not the base's
    if (!call && cls.methods.includes(name)) return undefined;
    const ext = cls.extendsRef;
    if (!ext) return undefined;
    if ('local' in ext) return this.memberTarget(file, ext.local, name, call, depth + 1);
    if (this.libModule(file, ext.module)) return undefined;
    const r = this.d.resolve(file, ext);
    return r?.value.t === 'class' ? this.memberTarget(r.file, r.value.name, name, call, depth + 1) : undefined;
  }

  private classTarget(file: string, className: string, depth: number): Target | undefined {
    const facts = this.d.factsByFile.get(file);
    const cls = facts?.classes.find((k) => k.name === className);
    if (facts && facts.wrappers.some((w) => w.className === className)) {
      const ext = cls?.extendsRef;
      const base = ext && 'module' in ext ? this.libModule(file, ext.module) : undefined;
      return { t: 'wrapper', file, className, ...(base ? { base } : {}) };
    }
    // Pattern: @Inject(CACHE_SERVICE) cache: ICacheService with one project class implementing it: that class's methods
    const impl = depth < MAX_DEPTH ? this.soleImplementation(file, className) : undefined;
    if (impl) {
      const t = this.classTarget(impl.file, impl.name, depth + 1);
      if (t) return t;
    }
    // Pattern: @Inject(CACHE_SERVICE) cache: ICacheService — a keyed-store interface of the project
    if (cls?.keyedStore) return { t: 'lib', lib: 'keyed-store', ...cls.keyedStore };
    // Pattern: class RedisService extends Redis {}  (the instance is the client)
    const ext = cls?.extendsRef;
    if (ext && 'module' in ext) {
      const lib = this.libModule(file, ext.module);
      if (lib) return { t: 'lib', lib };
      const r = this.d.resolve(file, ext);
      if (r?.value.t === 'class' && depth < MAX_DEPTH) return this.classTarget(r.file, r.value.name, depth + 1);
    } else if (ext && 'local' in ext && depth < MAX_DEPTH) return this.classTarget(file, ext.local, depth + 1);
    if (this.d.configFor(file).wrappers.includes(className)) return { t: 'generic', className };
    return undefined;
  }

  /** The client library a module of `file`'s imports is: a known client package, or one the config names. */
  private libModule(file: string, module: string): CacheLib | undefined {
    return configuredLib(this.d.configFor(file), file, module) ?? CLIENT_MODULES[module];
  }

  /**
   * The one project class that says it implements interface `name` of `file` (`class
   * RedisCacheService implements ICacheService`); none when no class or several do.
   */
  private soleImplementation(file: string, name: string): { file: string; name: string } | undefined {
    // one pass over the classes that implement anything, resolving each interface once
    if (!this.implementations) {
      const found = new Map<string, { file: string; name: string }[]>();
      for (const [path, facts] of this.d.factsByFile)
        for (const k of facts.classes)
          for (const ref of k.implementsRefs ?? []) {
            const r = this.classOf(path, ref);
            if (!r) continue;
            const id = `${r.file}\0${r.name}`;
            const list = found.get(id);
            if (list) list.push({ file: path, name: k.name });
            else found.set(id, [{ file: path, name: k.name }]);
          }
      // a test's fake (`__tests__/fake.cache.service.ts`) implements it too: the product's class is the one
      const sole = (list: { file: string; name: string }[]) => {
        const product = list.length > 1 ? list.filter((c) => this.d.kindOf?.(c.file) !== 'test') : list;
        return product.length === 1 ? product[0] : null;
      };
      this.implementations = new Map([...found].map(([id, list]) => [id, sole(list)]));
    }
    return this.implementations.get(`${file}\0${name}`) ?? undefined;
  }

  /** The class (this one or a base) that defines wrapper `method`. */
  private wrapperOwner(file: string, className: string, method: string, depth = 0): { file: string; className: string } | undefined {
    const facts = this.d.factsByFile.get(file);
    if (!facts) return undefined;
    if (facts.wrappers.some((w) => w.className === className && w.method === method)) return { file, className };
    // Pattern: class UserCache extends BaseCache, calling BaseCache's set()
    const ext = facts.classes.find((k) => k.name === className)?.extendsRef;
    if (!ext || depth >= MAX_DEPTH) return undefined;
    if ('local' in ext) return this.wrapperOwner(file, ext.local, method, depth + 1);
    const r = this.d.resolve(file, ext);
    return r?.value.t === 'class' ? this.wrapperOwner(r.file, r.value.name, method, depth + 1) : undefined;
  }

  private fnTarget(file: string, c: Extract<ClientRef, { t: 'fn' }>): Target | undefined {
    // Pattern: const getTeam = cached('team', 600, load); getTeam(id)
    if (c.local) {
      const made = madeOf(this.d.factsByFile.get(file)?.locals[c.local]);
      return (made && this.madeTarget(file, made, c.local)) || { t: 'wrapper', file, className: '' };
    }
    if (!c.ref) return undefined;
    const r = this.d.resolve(file, c.ref);
    const made = madeOf(r?.value);
    const madeT = r && made ? this.madeTarget(r.file, made, c.ref.name) : undefined;
    if (madeT) return madeT;
    const target = this.d.resolveModule(file, c.ref.module);
    if (!target) return undefined;
    // Pattern: import { setCache } from '@acme/redis' with `export * from './helpers/setCache'` in its
    // index — the module that defines the wrapper function, through the index's re-exports
    const ownsFn = (f: string, name: string) => !!this.d.factsByFile.get(f)?.wrappers.some((w) => w.className === '' && w.method === name);
    if (!ownsFn(target, c.ref.name)) {
      const def = definingModule((f) => this.d.factsByFile.get(f)?.exports, this.d.resolveModule, file, c.ref, ownsFn);
      if (def && def.name === c.ref.name) return { t: 'wrapper', file: def.file, className: '' };
    }
    return { t: 'wrapper', file: target, className: '' };
  }

  /** The maker of an instance, where its closures are recorded (through an index's `export *`, three levels). */
  private madeTarget(file: string, value: MadeValue, instance: string): Target | undefined {
    const makes = (f: string, name: string) => !!this.d.factsByFile.get(f)?.wrappers.some((w) => w.className === madeOwner(name));
    // Pattern: import { memoize } from '@acme/cache' with `export * from './memoize'` in its index
    const maker = 'local' in value.by
      ? makes(file, value.by.local) ? { file, name: value.by.local } : undefined
      : definingModule((f) => this.d.factsByFile.get(f)?.exports, this.d.resolveModule, file, value.by.ref, makes);
    if (!maker) return undefined;
    return { t: 'wrapper', file: maker.file, className: madeOwner(maker.name), ctorArgs: value.args, made: { file, value, instance }, ...(value.loaders ? { loaders: { file, by: value.loaders } } : {}) };
  }

  private summary(file: string, className: string, method: string): WrapperSummary | undefined {
    const k = `${file}\0${className}\0${method}`;
    let s = this.summaries.get(k);
    if (s === undefined) {
      const facts = this.d.factsByFile.get(file);
      const cycles = this.cycles;
      s = (facts && summarise(file, facts, className, method, (call) => this.opsOf(file, call))) ?? null;
      // Pattern: get(k) { return this.readRaw(k, full) } asked for while readRaw's caller is read
      // (its class's delete method is looked up): kept only when no inner op was cut short
      if (this.cycles === cycles) this.summaries.set(k, s);
    }
    return s ?? undefined;
  }

  private isSentinel(file: string, call: CallFact, valueArg: number | undefined): boolean {
    const a = valueArg === undefined ? undefined : call.args[valueArg];
    if (!a) return false;
    if (a.sentinel) return true;
    if (!a.sentinelRef) return false;
    const ref = a.sentinelRef;
    return this.d.resolve(file, ref)?.value.t === 'sentinel' || isSentinelName(ref.member?.[ref.member.length - 1] ?? ref.name);
  }

  private libOps(file: string, call: CallFact, t: Extract<Target, { t: 'lib' }>, v: VerbInfo): CacheOp[] {
    let ttl = v.ttl;
    // third-argument TTL libraries fall back to the client's default TTL
    if (ttl === false && v.kind === 'write' && LIBS[t.lib].api === 'ttl-arg')
      ttl = t.defaultTtl === true ? true : t.defaultTtl === false ? false : undefined;
    const op: CacheOp = {
      file,
      call,
      lib: t.lib,
      kind: v.kind,
      verb: v.verb,
      ttl,
      nx: v.nx,
      sentinel: v.kind === 'write' && this.isSentinel(file, call, v.valueArg),
      ...(v.kind === 'write' ? everyPath(call, v.valueArg) : {}),
      key: v.keyArg === 0 ? this.keyOf(file, call.key?.parts, t.keyPrefix) : undefined,
      defaultTtl: t.defaultTtl,
      deleteVia: t.del ?? deleteVerbFor(t.lib, call.method),
      ...(t.keyPrefix ? { keyPrefix: t.keyPrefix } : {}),
      ...(v.ttlArg !== undefined ? { ttlFrom: v.ttlArg } : {}),
      ...(v.valueArg !== undefined ? { valueArg: v.valueArg } : {}),
      ...(valueSrcOf(call, v) ? { valueSrc: valueSrcOf(call, v) } : {}),
      ...(v.kind === 'write' && v.valueArg !== undefined ? valueFactsOf(call.args[v.valueArg]) : {}),
      ...(v.kind === 'read' && call.fallback ? { fallback: call.fallback } : {}),
      ...(v.use ? { use: v.use } : v.kind === 'write' && v.valueArg !== undefined && call.args[v.valueArg]?.bump ? { use: 'counter' as const } : {}),
      ...(call.minted ? { minted: true as const } : {}),
      ...(call.matchDelete || call.expands ? { matching: true as const } : {}),
      ...(call.inCatch ? { inCatch: true as const } : {}),
      ...(v.kind === 'read' && call.locked ? { locked: true as const } : {}),
    };
    // Pattern: cache.wrap(`user:${id}`, () => prisma.user.findUnique(…)) — the read fills the key
    // itself on a miss: what its loader returns is the value it stores
    if (v.kind === 'read' && (v.verb === 'wrap' || v.verb === 'getorset')) Object.assign(op, valueFactsOf(call.args[1]));
    // Pattern: rounds.fetch(id) with `new LRUCache({ fetchMethod: (id) => db.selectFrom('rounds')… })` — the same, its loader the store's
    if (v.kind === 'read' && v.verb === 'fetch' && t.loader) {
      // (the loader's own calls name functions of the file that built the store, maybe not this one)
      op.fallback = t.loader.entities ? 'db' : 'call';
      if (t.loader.entities) op.valueEntities = t.loader.entities;
      if (t.loader.by) op.valueBy = t.loader.by;
    }
    const secs = ttlSecondsOf(op, call, t.ttlMs ? 'ms' : libTtlUnit(t.lib, this.d, file));
    if (secs !== undefined) op.ttlSeconds = secs;
    // Pattern: reelCache.set('trending', rows) with `new NodeCache({ stdTTL: 300 })`: the store's default
    else if (v.kind === 'write' && v.ttl === false && ttl === true && t.defaultTtlValue !== undefined)
      op.ttlSeconds = libTtlUnit(t.lib, this.d, file) === 'ms' ? t.defaultTtlValue / 1000 : t.defaultTtlValue;
    // Pattern: this.cache.set(k, v) under CacheModule.registerAsync({ useFactory: () => ({ ttl: 5000 }) })
    else if (t.nest && v.kind === 'write' && v.ttl === false && ttl === true && this.d.nestTtlValue !== undefined)
      op.ttlSeconds = libTtlUnit(t.lib, this.d, file) === 'ms' ? this.d.nestTtlValue / 1000 : this.d.nestTtlValue;
    const ops = [op];
    // each further key of a multi-key delete is an op of its own (same call, its own key)
    if (op.kind === 'delete')
      for (const k of call.moreKeys ?? []) ops.push({ ...op, call: { ...call, key: k }, key: this.keyOf(file, k.parts, t.keyPrefix) });
    return ops;
  }

  /** The caller's argument `index` as key parts (the first argument is the call's key). */
  private argParts(call: CallFact, index: number, prop?: string): KeyPart[] | undefined {
    const a = call.args[index];
    if (!a || a.spread) return undefined;
    if (prop !== undefined) return a.propParts?.[prop];
    return index === 0 ? call.key?.parts : a.parts;
  }

  /**
   * The wrapper's key template with its parameters replaced by the caller's arguments, and its
   * constructor's (`#ctor:<i>`, a prefix set in the constructor) by the instance's `new X('lit')`.
   */
  private callerKey(file: string, call: CallFact, inner: CacheOp, s: WrapperSummary, ctor?: (i: number) => string | undefined): CacheOp['key'] {
    const template = inner.key?.parts;
    if (!template) return undefined;
    const out: KeyPart[] = [];
    const open: KeyPart[] = [];
    const defaults: { param: string; value: string }[] = [];
    for (const p of template) {
      if (!('hole' in p)) {
        out.push(p);
        open.push(p);
        continue;
      }
      const c = /^#ctor:(\d+)$/.exec(p.hole);
      const lit = c && ctor ? ctor(Number(c[1])) : undefined;
      if (lit !== undefined) {
        out.push({ lit });
        open.push({ lit });
        continue;
      }
      const prm = paramOfHole(p, s.fn);
      // Pattern: hset([CKEY.USER, id], row) into hset(key, v) { redis.hset(genKey(key), v) } — the list, joined
      const items = p.join !== undefined && prm && !prm.prop ? call.args[prm.index]?.items : undefined;
      const given = items ? joinedParts(items, p.join!) : prm && this.argParts(call, prm.index, prm.prop);
      const def = prm && !prm.prop && call.args.length <= prm.index ? s.fn.params[prm.index]?.defaultLit : undefined;
      if (given) {
        let g = this.keyOf(file, given)?.parts ?? [p];
        // Pattern: findNDelCaches(key) { findCache(key) } — the list the outer wrapper's callers give is joined alike
        if (p.join !== undefined && !items && g.length === 1 && 'hole' in g[0] && g[0].join === undefined) g = [{ ...g[0], join: p.join }];
        out.push(...g);
        open.push(...g);
      } else if (def !== undefined) {
        // Pattern: invalidateLinks(slugs) into `(slugs, domain = 'example.com')`: the default is the key
        out.push({ lit: def });
        open.push(p);
        defaults.push({ param: s.fn.params[prm!.index].name, value: def });
      } else {
        out.push(p);
        open.push(p);
      }
    }
    const parts = mergeLits(out);
    const key: NonNullable<CacheOp['key']> = { parts, shape: shapeOf(parts) };
    if (defaults.length > 0) Object.assign(key, { defaults, openShape: shapeOf(mergeLits(open)) });
    return key;
  }

  private wrapperOps(file: string, call: CallFact, t: Extract<Target, { t: 'wrapper' }>, method: string): CacheOp[] {
    const owner = this.wrapperOwner(t.file, t.className, method) ??
      // Pattern: module.exports = { set } with a top-level `function set(k, v)` (shorthand members)
      (t.className !== '' ? this.wrapperOwner(t.file, '', method) : undefined);
    if (!owner) return [];
    const s = this.summary(owner.file, owner.className, method);
    if (!s) return [];
    const label = t.made
      ? method === CALLABLE || t.made.value.member !== undefined ? `${t.made.instance}()` : `${t.made.instance}.${method}()`
      : owner.className && !owner.className.startsWith('<') ? `${owner.className}.${method}` : `${method}()`;
    const deleteVia = this.wrapperDelete(owner.file, owner.className);
    // the instance's constructor arguments fill `#ctor` holes only in the class it was built from:
    // a subclass's constructor may pass its base anything
    const ctor = t.made
      ? this.madeValues(owner.file, owner.className, t.ctorArgs ?? [])
      : t.ctorArgs && owner.file === t.file && owner.className === t.className ? this.ctorValues(owner.file, owner.className, t.ctorArgs) : undefined;
    const out: CacheOp[] = [];
    for (const inner of s.ops) {
      const ttlSummary = s.ttl.get(inner);
      const valueArg = inner.kind === 'write' && inner.valueArg !== undefined ? inner.call.args[inner.valueArg] : undefined;
      // the value is the caller's (`set(k, value)`), or what the caller's loader returns (`fetch(k, () => load(id))`)
      const loader = valueArg?.srcCalls?.find((c): c is { param: number } => 'param' in c);
      const valueParam = valueArg?.param ?? loader?.param;
      const caller = valueParam !== undefined ? call.args[valueParam] : undefined;
      // Pattern: cached('team', 600, (id) => prisma.team.findUnique(…)), new KVCache(redis, 'user',
      // { fetcher: (k) => repo.findOneBy(…) }) with `this.fetcher(key)` inside — what the instance's loader reads
      const instanceLoader = ctor && t.loaders ? loaderAt(t.loaders.by, valueArg?.srcCalls) : undefined;
      // Pattern: const keys = await findCache(key); keys.forEach((k) => pipeline.del(k)) — the finder's lookup deletes its pattern
      const found = call.matchDelete && inner.kind === 'other' && FINDS_KEYS.test(inner.verb);
      const op: CacheOp = {
        file,
        call,
        lib: inner.lib,
        wrapper: label,
        kind: found ? 'delete' : inner.kind,
        verb: found ? 'del' : inner.verb,
        ttl: inner.kind === 'write' && ttlSummary ? ttlAtCall(ttlSummary, call, inner) : inner.ttl,
        nx: inner.nx,
        sentinel: inner.kind === 'write' && (valueParam !== undefined ? this.isSentinel(file, call, valueParam) : inner.sentinel),
        ...(inner.kind === 'write' ? (valueParam !== undefined ? everyPath(call, valueParam) : inner.everyPath ? { everyPath: true as const } : {}) : {}),
        key: this.callerKey(file, call, inner, s, ctor),
        defaultTtl: inner.defaultTtl,
        deleteVia,
        via: { label, file: owner.file, callId: inner.call.id, ...(ttlSummary?.t === 'param' ? { ttlUnit: ttlUnitOf(inner, this.d) } : ttlSummary?.t === 'rest' ? { rest: ttlSummary.index } : {}) },
        ...(inner.use ? { use: inner.use } : {}),
        ...(s.facade ? {} : { echo: true }),
        ...(call.minted || inner.minted ? { minted: true as const } : {}),
        ...(call.inCatch || inner.inCatch ? { inCatch: true as const } : {}),
        ...(inner.matching || found ? { matching: true as const } : {}),
      };
      if (ttlSummary?.t === 'param') {
        op.ttlFrom = ttlSummary.index;
        if (op.ttl === false) op.ttlParam = { index: ttlSummary.index, name: ttlSummary.name, ...(ttlSummary.member !== undefined ? { member: ttlSummary.member } : {}) };
        // Pattern: wrapRedis(key, load) into `(key, fn, seconds = REDIS_DEFAULT_EXPIRY)`: the default's value
        const a = call.args[ttlSummary.index];
        const n = ttlSummary.member !== undefined ? a?.propNums?.[ttlSummary.member] : (a?.num ?? (call.args.length <= ttlSummary.index ? s.fn.params[ttlSummary.index]?.defaultNum : undefined));
        if (n !== undefined) op.ttlSeconds = op.via?.ttlUnit === 'ms' ? n / 1000 : n;
      } else if (ttlSummary?.t === 'rest') {
        const n = forwardedTtlSeconds(ttlSummary, call, inner);
        if (n !== undefined) op.ttlSeconds = n;
      } else if (inner.ttlSeconds !== undefined) op.ttlSeconds = inner.ttlSeconds;
      else if (ctor && inner.ttlFrom !== undefined && inner.kind === 'write') {
        // Pattern: cached('team', 600, load) with `redis.set(k, v, 'EX', ttl)` inside: the instance's TTL
        const mp = inner.call.args[inner.ttlFrom]?.madeParam;
        const n = mp !== undefined ? Number(ctor(mp)) : NaN;
        if (Number.isFinite(n)) op.ttlSeconds = ttlUnitOf(inner, this.d) === 'ms' ? n / 1000 : n;
      }
      const src = caller ? caller.src : inner.valueSrc;
      if (src && inner.kind === 'write') op.valueSrc = src;
      const entities = caller ? caller.srcEntities : instanceLoader ? instanceLoader.entities : inner.valueEntities;
      if (entities && inner.kind === 'write') op.valueEntities = entities;
      const holds = caller ? caller.holds : instanceLoader ? instanceLoader.holds : inner.valueHolds;
      if (holds && inner.kind === 'write') op.valueHolds = holds;
      // a recorded call's id means something in its own file only
      const holdsOf = caller ? caller.holdsOf : instanceLoader ? undefined : inner.valueHoldsOf && !('call' in inner.valueHoldsOf) ? inner.valueHoldsOf : undefined;
      if (holdsOf && inner.kind === 'write') op.valueHoldsOf = holdsOf;
      const aggregate = caller ? caller.aggregate : instanceLoader ? undefined : inner.valueAggregate;
      if (aggregate && inner.kind === 'write') op.valueAggregate = aggregate;
      const pins = caller ? caller.pins : instanceLoader ? undefined : inner.valuePins;
      if (pins && inner.kind === 'write') op.valuePins = pins;
      const by = caller ? caller.by : instanceLoader ? undefined : inner.valueBy;
      if (by && inner.kind === 'write') op.valueBy = by;
      const includes = caller ? caller.includes : instanceLoader ? undefined : inner.valueIncludes;
      if (includes && inner.kind === 'write') op.valueIncludes = includes;
      const flagOf = caller ? caller.flagOf : inner.valueFlagOf;
      if (flagOf && inner.kind === 'write') op.valueFlagOf = flagOf;
      // a recorded call's id means something in its own file only: the wrapper's stays behind
      const calls = caller ? caller.srcCalls : instanceLoader ? instanceLoader.calls : inner.valueCalls?.filter((c) => !('call' in c));
      if (calls?.length && !entities && inner.kind === 'write') {
        op.valueCalls = calls;
        if (instanceLoader && t.loaders!.file !== file) op.valueCallsFile = t.loaders!.file;
      }
      if (instanceLoader && inner.kind === 'write' && !caller) op.reloaded = true;
      // Pattern: addToQueue(id) { redis.set(`due:${id}`, '1', 'EX', …) } — the wrapper's own flag
      if (inner.kind === 'write' && valueParam === undefined && !instanceLoader && isFlagWrite(inner)) op.flagValue = true;
      if (valueParam !== undefined) op.valueArg = valueParam;
      const fb = inner.kind === 'read' ? call.fallback ?? inner.fallback : undefined;
      if (fb) op.fallback = fb;
      // (the lock may be the caller's, around this call, or the wrapper's own, around its read)
      if (inner.kind === 'read' && (call.locked || inner.locked)) op.locked = true;
      out.push(op);
    }
    return out;
  }

  /**
   * The literal constructor arguments of the instance a call goes through, when the `new` that
   * built it is visible (`new RedisCache('memberAttributes', redis)`); an omitted argument is the
   * parameter's literal default. Only for an instance of the class that defines the wrapper: a
   * subclass's constructor may pass its base anything.
   */
  private ctorValues(file: string, className: string, args: (string | null)[]): (i: number) => string | undefined {
    return argValues(args, this.d.factsByFile.get(file)?.classes.find((k) => k.name === className)?.ctorDefaults);
  }

  /** An instance's literal arguments, for its maker's parameters (`#ctor:<i>` holes, as a constructor's). */
  private madeValues(file: string, owner: string, args: (string | null)[]): (i: number) => string | undefined {
    const maker = this.d.factsByFile.get(file)?.fns.find((f) => !f.className && f.name !== undefined && madeOwner(f.name) === owner);
    return argValues(args, maker?.params.map((p) => p.defaultLit ?? null));
  }

  /**
   * Marks the ops of `file` that sit inside a facade (model/wrapper-summaries.ts): their callers
   * choose the key and the TTL, so nothing about those is reported inside, called or not.
   */
  markForwarded(file: string, ops: readonly CacheOp[]): void {
    const facts = this.d.factsByFile.get(file);
    if (!facts || facts.wrappers.length === 0) return;
    const owners = new Map<number, { className: string; method: string }>();
    for (const w of facts.wrappers) {
      const c = facts.calls[w.callId];
      if (c) owners.set(c.fn, { className: w.className, method: w.method });
    }
    for (const op of ops) {
      const o = owners.get(op.call.fn);
      if (o && this.summary(file, o.className, o.method)?.facade) op.forwarded = true;
    }
  }

  /** A method of the same owner that deletes the key its first parameter gives (swap set for it). */
  private wrapperDelete(file: string, className: string): string | undefined {
    const facts = this.d.factsByFile.get(file)!;
    for (const m of new Set(facts.wrappers.filter((w) => w.className === className).map((w) => w.method))) {
      const s = this.summary(file, className, m);
      if (s && s.ops.length === 1 && s.ops[0].kind === 'delete' && s.fn.params.length >= 1) {
        const k = s.ops[0].key?.parts;
        if (k?.some((p) => 'hole' in p && paramOfHole(p, s.fn)?.index === 0)) return m;
      }
    }
    return undefined;
  }

  private genericOp(file: string, call: CallFact, className: string): CacheOp | undefined {
    const m = call.method.toLowerCase();
    const kind = /^(get|fetch|read|find)/.test(m) ? 'read' : /^(set|put|save|store|write)/.test(m) ? 'write' : /^(del|delete|remove|evict|invalidate|unset|clear)/.test(m) ? 'delete' : undefined;
    if (!kind) return undefined;
    return {
      file,
      call,
      lib: 'cache-manager',
      wrapper: `${className}.${call.method}`,
      kind,
      verb: m,
      ttl: undefined,
      nx: false,
      sentinel: kind === 'write' && this.isSentinel(file, call, 1),
      ...(kind === 'write' ? everyPath(call, 1) : {}),
      key: this.keyOf(file, call.key?.parts),
      ...(kind === 'write' && call.args[1]?.src ? { valueSrc: call.args[1].src } : {}),
      ...(kind === 'read' && call.fallback ? { fallback: call.fallback } : {}),
      ...(call.minted ? { minted: true as const } : {}),
      ...(call.inCatch ? { inCatch: true as const } : {}),
    };
  }
}


/** What the value argument of a write (or a read-through's loader) holds, as the op's value facts. */
function valueFactsOf(a: ArgFact | undefined): Partial<CacheOp> {
  if (!a) return {};
  return {
    ...(a.srcEntities ? { valueEntities: a.srcEntities } : {}),
    ...(a.holds ? { valueHolds: a.holds } : {}),
    ...(a.holdsOf ? { valueHoldsOf: a.holdsOf } : {}),
    ...(a.aggregate ? { valueAggregate: a.aggregate } : {}),
    ...(a.pins ? { valuePins: a.pins } : {}),
    ...(a.by ? { valueBy: a.by } : {}),
    ...(a.includes ? { valueIncludes: a.includes } : {}),
    ...(a.flagOf ? { valueFlagOf: a.flagOf } : {}),
    ...(a.srcCalls ? { valueCalls: a.srcCalls } : {}),
  };
}

/** The loader a wrapper's value comes from (`{ made: i }` of a maker, `{ ctor: i, prop }` of a constructor), among an instance's. */
function loaderAt(loaders: InstanceLoaders, calls: readonly SourceCall[] | undefined): InstanceLoaders[string] | undefined {
  for (const c of calls ?? []) {
    if ('made' in c) return loaders[String(c.made)];
    if ('ctor' in c) return loaders[c.prop ? `${c.ctor}.${c.prop}` : String(c.ctor)];
  }
  return undefined;
}

/** Argument `i` as given, or its parameter's literal default when it is left out. */
function argValues(args: (string | null)[], defaults: readonly (string | null | undefined)[] | undefined): (i: number) => string | undefined {
  return (i) => (i < args.length ? args[i] ?? undefined : defaults?.[i] ?? undefined);
}

/** The instance a binding holds, if a project function made it (a key-building call may be one too). */
function madeOf(v: ExportValue | undefined): MadeValue | undefined {
  return v?.t === 'made' ? v : v?.t === 'key' ? v.made : undefined;
}

/** What a write stores is loaded from: its value argument, or any member of a collection write. */
function valueSrcOf(call: CallFact, v: VerbInfo): CacheOp['valueSrc'] {
  if (v.kind !== 'write') return undefined;
  if (v.valueArg !== undefined) return call.args[v.valueArg]?.src;
  let best: CacheOp['valueSrc'];
  for (const a of v.keyArg < 0 ? call.args : call.args.slice(1)) if (a.src && (!best || rank(a.src) > rank(best))) best = a.src;
  return best;
}

function rank(s: NonNullable<CacheOp['valueSrc']>): number {
  return { db: 5, http: 4, call: 3, param: 2, literal: 1 }[s];
}


/** A literal TTL in seconds: `set(k, v, 'EX', 600)`, `setex(k, 600, v)`, `set(k, v, 600_000)` (ms libraries). */
function ttlSecondsOf(op: CacheOp, call: CallFact, unit: 's' | 'ms'): number | undefined {
  if (op.ttlFrom === undefined) return undefined;
  const a = call.args[op.ttlFrom];
  const n = a?.num ?? (a?.propNums ? a.propNums.EX ?? a.propNums.ex ?? a.propNums.ttl : undefined);
  if (n === undefined) return undefined;
  const flag = call.args[op.ttlFrom - 1]?.str;
  // Pattern: cache.set(k, v, { ttl: 60 }) — cache-manager 4 and older take an options object, in seconds
  // (5+ takes a number of milliseconds), whatever version the project declares
  if (op.lib === 'cache-manager' && a?.num === undefined && a?.propNums?.ttl !== undefined) unit = 's';
  const ms = (flag && /^PX/i.test(flag)) || /^(psetex|pexpire)$/.test(op.verb) || (unit === 'ms' && !flag);
  return ms ? n / 1000 : n;
}

/**
 * The unit a library's TTL argument is in when no flag says: the store's own (milliseconds for
 * Keyv, lru-cache, cacheable…); cache-manager's by the major `file` is written against (v4 and
 * older take `{ ttl: 60 }` in seconds; v5+, or a version nobody declares, milliseconds).
 */
export function libTtlUnit(lib: CacheLib, d: Pick<OpReaderDeps, 'cacheManagerMajor'>, file: string): 's' | 'ms' {
  if (lib === 'cache-manager') {
    const major = d.cacheManagerMajor?.(file);
    return major !== undefined && major < 5 ? 's' : 'ms';
  }
  return LIBS[lib].api === 'ttl-arg' ? LIBS[lib].ttlUnit : 's';
}

/** The unit an op's TTL argument is in: PX/PEXPIRE and the millisecond libraries, else seconds. */
function ttlUnitOf(op: CacheOp, d: Pick<OpReaderDeps, 'cacheManagerMajor'>): 's' | 'ms' {
  if (op.via?.ttlUnit) return op.via.ttlUnit;
  if (LIBS[op.lib].api === 'ttl-arg') return libTtlUnit(op.lib, d, op.file);
  const flag = op.ttlFrom !== undefined ? op.call.args[op.ttlFrom - 1]?.str : undefined;
  if (flag && /^PX/i.test(flag)) return 'ms';
  if (/^(psetex|pexpire|pexpireat)$/.test(op.verb)) return 'ms';
  return 's';
}

/** `everyPath` of a write whose value is argument `valueArg` of `call` (CacheOp.everyPath). */
function everyPath(call: CallFact, valueArg: number | undefined): { everyPath?: true } {
  return valueArg !== undefined && call.args[valueArg]?.unconditional ? { everyPath: true } : {};
}
