// Phase 2: link every file's facts into the project the rules see. Receivers become libraries (or
// wrappers of them, followed across files), calls become CacheOps with their library semantics,
// keys become shapes, and sentinel constants imported from elsewhere are recognised.
import type { ResolvedConfig } from '../config';
import type { CacheOp, LinkedFile, ProjectIndex } from '../rule';
import { classifyVerb, deleteVerbFor, type VerbInfo } from '../facts/cache/verbs';
import { CLIENT_MODULES } from '../facts/cache/client-modules';
import { expandKey, shapeOf } from '../facts/keys/shapes';
import { ModuleResolver, resolveRef } from './resolve';
import type { CacheLib, CallFact, ClientRef, DbRead, DbWrite, ExportValue, FileFacts, KeyPart, SymbolRef, WrapperMethod } from '../facts/types';

type Target =
  | { t: 'lib'; lib: CacheLib; defaultTtl?: boolean; nest?: boolean; keyPrefix?: string }
  | { t: 'wrapper'; file: string; className: string }
  | { t: 'generic'; className: string };

interface Input {
  file: string;
  text: string;
  facts: FileFacts;
}

/** The project's lists of ops, loose reads and DB writes and reads (ProjectIndex), or one file's share of them. */
interface Lists {
  ops: CacheOp[];
  looseReads: ProjectIndex['looseReads'][number][];
  dbWrites: (DbWrite & { file: string })[];
  dbReads: (DbRead & { file: string })[];
}

const LISTS = ['ops', 'looseReads', 'dbWrites', 'dbReads'] as const;

/** One file's share of the project, kept so an edit elsewhere does not re-link it. */
interface FileLink {
  linked: LinkedFile;
  /** `share.ops` is `linked.ops` */
  share: Lists;
}

/** What a later link may reuse: per-file results, the lookups over them and the module resolver (same file set only). */
export interface LinkCache {
  files: Map<string, FileLink>;
  linkedFiles: Map<string, LinkedFile>;
  factsByFile: Map<string, FileFacts>;
  modules: ModuleResolver;
  flat: Lists;
  /** where each file's share starts in each flat list, in the order of LISTS */
  offsets: Map<string, number[]>;
}


export interface LinkOptions {
  /**
   * The previous link, when no changed file changed its exported surface: the same files, of
   * which only `changed` may differ from what `cache` was linked from.
   */
  reuse?: { cache: LinkCache; changed: Input[] };
  /** ProjectIndex.memo (the caller keeps it across links) */
  memo?: Map<string, unknown>;
  generation?: number;
  changedSince?: ProjectIndex['changedSince'];
}

/**
 * Links the project. With `reuse`, files whose facts object is unchanged keep their previous
 * results: the caller passes it only when no changed file changed what others resolve through it
 * (see `exportSignature`), so an edit inside a function re-links that one file.
 */
export function linkProject(inputs: Input[], configFor: (file: string) => ResolvedConfig, opts: LinkOptions = {}): ProjectIndex & { cache: LinkCache } {
  const { reuse, memo = new Map<string, unknown>(), generation = 0, changedSince } = opts;
  // what the previous link left that still holds: everything but the changed files' shares
  // (a changed file the cache never saw means the files differ after all: link from scratch)
  const reusing =
    reuse && reuse.cache.files.size === inputs.length && reuse.changed.every((i) => reuse.cache.files.has(i.file))
      ? { prev: reuse.cache, changed: reuse.changed }
      : undefined;
  let factsByFile: Map<string, FileFacts>;
  if (reusing) {
    factsByFile = new Map(reusing.prev.factsByFile);
    for (const i of reusing.changed) factsByFile.set(i.file, i.facts);
  } else factsByFile = new Map(inputs.map((i) => [i.file, i.facts]));
  const modules = reusing ? reusing.prev.modules : new ModuleResolver(factsByFile);
  const nestTtl = nestDefaultTtl(inputs);
  const resolve = (from: string, ref: SymbolRef) => resolveRef(factsByFile, modules, from, ref);

  function targetOf(file: string, c: ClientRef, depth = 0): Target | undefined {
    if (depth > 8) return undefined;
    switch (c.t) {
      case 'lib':
        return { t: 'lib', lib: c.lib, defaultTtl: c.nest ? nestTtl : c.defaultTtl, nest: c.nest, keyPrefix: c.keyPrefix };
      case 'class':
        return classTarget(file, c.name, depth);
      case 'type':
      case 'import': {
        if (CLIENT_MODULES[c.ref.module]) return undefined;
        const r = resolve(file, c.ref);
        if (!r) return undefined;
        if (r.value.t === 'client') return targetOf(r.file, r.value.client, depth + 1);
        if (r.value.t === 'class') return classTarget(r.file, r.value.name, depth);
        return undefined;
      }
      default:
        return undefined;
    }
  }

  function classTarget(file: string, className: string, depth: number): Target | undefined {
    const facts = factsByFile.get(file);
    const cls = facts?.classes.find((k) => k.name === className);
    if (facts && facts.wrappers.some((w) => w.className === className)) return { t: 'wrapper', file, className };
    // Pattern: class RedisService extends Redis {}  (the instance is the client)
    const ext = cls?.extendsRef;
    if (ext && 'module' in ext) {
      const lib = configFor(file).cacheModules[ext.module] ?? CLIENT_MODULES[ext.module];
      if (lib) return { t: 'lib', lib };
      const r = resolve(file, ext);
      if (r?.value.t === 'class') return classTarget(r.file, r.value.name, depth + 1);
    } else if (ext && 'local' in ext && depth < 8) return classTarget(file, ext.local, depth + 1);
    if (configFor(file).wrappers.includes(className)) return { t: 'generic', className };
    return undefined;
  }

  // ops are computed lazily per (file, call id) so wrappers can ask for their inner call's op
  const opMemo = new Map<string, CacheOp | null>();
  const inProgress = new Set<string>();

  function keyOf(file: string, call: CallFact, keyArg: number, keyPrefix?: string): CacheOp['key'] {
    if (keyArg !== 0 || !call.key) return undefined;
    let parts: KeyPart[] = expandKey(call.key.parts, (ref, from) => resolve(from ?? file, ref));
    // the client stores every key under its keyPrefix (ioredis `new Redis({ keyPrefix })`)
    if (keyPrefix) parts = [{ lit: keyPrefix }, ...parts];
    return { parts, shape: shapeOf(parts) };
  }

  function isSentinel(file: string, call: CallFact, valueArg: number | undefined): boolean {
    const a = valueArg === undefined ? undefined : call.args[valueArg];
    if (!a) return false;
    if (a.sentinel) return true;
    return !!a.sentinelRef && resolve(file, a.sentinelRef)?.value.t === 'sentinel';
  }

  function libOp(file: string, call: CallFact, t: Extract<Target, { t: 'lib' }>, v: VerbInfo): CacheOp {
    let ttl = v.ttl;
    // third-argument TTL libraries fall back to the client's default TTL
    if (ttl === false && v.kind === 'write' && t.lib !== 'ioredis' && t.lib !== 'node-redis' && t.lib !== 'upstash')
      ttl = t.defaultTtl === true ? true : t.defaultTtl === false ? false : undefined;
    return {
      file,
      call,
      lib: t.lib,
      kind: v.kind,
      verb: v.verb,
      ttl,
      nx: v.nx,
      sentinel: v.kind === 'write' && isSentinel(file, call, v.valueArg),
      key: keyOf(file, call, v.keyArg, t.keyPrefix),
      defaultTtl: t.defaultTtl,
      deleteVia: deleteVerbFor(t.lib, call.method),
      ...(t.keyPrefix ? { keyPrefix: t.keyPrefix } : {}),
    };
  }

  function wrapperOp(file: string, call: CallFact, t: Extract<Target, { t: 'wrapper' }>): CacheOp | undefined {
    const facts = factsByFile.get(t.file)!;
    const w: WrapperMethod | undefined = facts.wrappers.find((x) => x.className === t.className && x.method === call.method);
    if (!w) return undefined;
    const inner = opFor(t.file, facts.calls[w.callId]);
    if (!inner) return undefined;
    let ttl = inner.ttl;
    if (w.ttlParam !== undefined && inner.kind === 'write') {
      const fn = facts.fns[facts.calls[w.callId].fn - 1];
      const p = fn?.params[w.ttlParam];
      const passed = call.args.length > w.ttlParam && !call.args[w.ttlParam].spread;
      if (p?.hasDefault || passed) ttl = inner.ttl === false ? false : true;
      else if (p?.optional) ttl = inner.defaultTtl === true ? true : inner.defaultTtl === false ? false : undefined;
    } else if (inner.ttl === false) {
      // the wrapper itself never sets a TTL: that is reported once, at the wrapper's own call
      ttl = undefined;
    }
    return {
      file,
      call,
      lib: inner.lib,
      wrapper: `${t.className || 'function'}.${call.method}`,
      kind: inner.kind,
      verb: inner.verb,
      ttl,
      nx: inner.nx,
      sentinel: inner.kind === 'write' && isSentinel(file, call, w.valueParam),
      key: keyOf(file, call, w.keyParam ?? -1),
      defaultTtl: inner.defaultTtl,
      deleteVia: wrapperDelete(t.file, t.className),
    };
  }

  /** A method of the same wrapper that deletes its key argument. */
  function wrapperDelete(file: string, className: string): string | undefined {
    const facts = factsByFile.get(file)!;
    for (const w of facts.wrappers) {
      if (w.className !== className || w.keyParam !== 0) continue;
      const inner = opFor(file, facts.calls[w.callId]);
      if (inner?.kind === 'delete') return w.method;
    }
    return undefined;
  }

  function fnTarget(file: string, c: Extract<ClientRef, { t: 'fn' }>, method: string): Target | undefined {
    if (c.local) return factsByFile.get(file)?.wrappers.some((w) => w.className === '' && w.method === method) ? { t: 'wrapper', file, className: '' } : undefined;
    if (!c.ref) return undefined;
    const target = modules.resolve(file, c.ref.module);
    const facts = target ? factsByFile.get(target) : undefined;
    return facts?.wrappers.some((w) => w.className === '' && w.method === c.ref!.name) ? { t: 'wrapper', file: target!, className: '' } : undefined;
  }

  function opFor(file: string, call: CallFact): CacheOp | undefined {
    const memoKey = `${file}\0${call.id}`;
    const hit = opMemo.get(memoKey);
    if (hit !== undefined) return hit ?? undefined;
    if (inProgress.has(memoKey)) return undefined; // recursive wrappers
    inProgress.add(memoKey);
    let op: CacheOp | undefined;
    const c = call.receiver;
    const t = c.t === 'fn' ? fnTarget(file, c, call.method) : c.t === 'unknown' ? undefined : targetOf(file, c);
    if (t?.t === 'lib') {
      const v = classifyVerb(t.lib, call.method, call.args);
      if (v) op = libOp(file, call, t, v);
    } else if (t?.t === 'wrapper') {
      const fnCall = c.t === 'fn' ? { ...call, method: c.ref?.name ?? call.method } : call;
      op = wrapperOp(file, fnCall, t);
      if (op) op.call = call;
    } else if (t?.t === 'generic') op = genericOp(file, call, t.className);
    inProgress.delete(memoKey);
    opMemo.set(memoKey, op ?? null);
    return op;
  }

  function genericOp(file: string, call: CallFact, className: string): CacheOp | undefined {
    const m = call.method.toLowerCase();
    const kind = /^(get|fetch|read|find)/.test(m) ? 'read' : /^(set|put|save|store|write)/.test(m) ? 'write' : /^(del|delete|remove|evict|invalidate|unset|clear)/.test(m) ? 'delete' : undefined;
    if (!kind) return undefined;
    return { file, call, lib: 'cache-manager', wrapper: `${className}.${call.method}`, kind, verb: m, ttl: undefined, nx: false, sentinel: kind === 'write' && isSentinel(file, call, 1), key: keyOf(file, call, 0) };
  }

  /** One file's share: its ops (wrappers followed), its loose reads and its DB writes and reads. */
  function linkFile({ file, text, facts }: Input): FileLink {
    const looseReads: Lists['looseReads'] = [];
    const fileOps: CacheOp[] = [];
    for (const call of facts.calls) {
      const op = opFor(file, call);
      if (op) {
        fileOps.push(op);
        // each further key of a multi-key delete is an op of its own (same call, its own key)
        if (op.kind === 'delete' && !op.wrapper)
          for (const k of call.moreKeys ?? []) {
            const c = { ...call, key: k };
            fileOps.push({ ...op, call: c, key: keyOf(file, c, 0) });
          }
      }
      else if (call.key && (call.receiver.t === 'unknown' || /^(get|hget|hgetall|mget|exists)$/i.test(call.method))) {
        const parts = expandKey(call.key.parts, (ref, from) => resolve(from ?? file, ref));
        const shape = shapeOf(parts);
        if (shape) looseReads.push({ file, call, shape });
      }
    }
    // source order of the verbs (a chain's calls all start at its receiver)
    fileOps.sort((a, b) => a.call.methodSpan.start - b.call.methodSpan.start);
    applyLaterExpires(fileOps, facts);
    const share: Lists = {
      ops: fileOps,
      looseReads,
      dbWrites: facts.dbWrites.map((w) => ({ ...w, file })),
      dbReads: facts.dbReads.map((r) => ({ ...r, file })),
    };
    return { linked: { file, text, facts, ops: fileOps }, share };
  }

  const links = reusing ? new Map(reusing.prev.files) : new Map<string, FileLink>();
  const files = reusing ? new Map(reusing.prev.linkedFiles) : new Map<string, LinkedFile>();
  for (const input of reusing ? reusing.changed : inputs) {
    const link = linkFile(input);
    links.set(input.file, link);
    files.set(input.file, link.linked);
  }
  // the flat lists, in file order: the previous ones when nothing changed, the previous ones with
  // the changed files' shares written over theirs when those kept their lengths (an edit inside a
  // function), else built again
  let flat: Lists | undefined;
  let offsets = reusing?.prev.offsets;
  if (reusing && offsets) {
    const prev = reusing.prev;
    const sameLengths = (file: string) => LISTS.every((l) => prev.files.get(file)!.share[l].length === links.get(file)!.share[l].length);
    if (reusing.changed.length === 0) flat = prev.flat;
    else if (reusing.changed.every((i) => sameLengths(i.file))) {
      const copy: Lists = { ops: [...prev.flat.ops], looseReads: [...prev.flat.looseReads], dbWrites: [...prev.flat.dbWrites], dbReads: [...prev.flat.dbReads] };
      for (const { file } of reusing.changed) {
        const at = offsets.get(file)!;
        const share = links.get(file)!.share;
        // element by element: a generated file's share may be too long to spread into arguments
        LISTS.forEach((l, k) => share[l].forEach((x, i) => ((copy[l] as unknown[])[at[k] + i] = x)));
      }
      flat = copy;
    }
  }
  if (!flat || !offsets) {
    const built: Lists = { ops: [], looseReads: [], dbWrites: [], dbReads: [] };
    offsets = new Map();
    for (const { file } of inputs) {
      const share = links.get(file)!.share;
      offsets.set(file, LISTS.map((l) => built[l].length));
      for (const l of LISTS) for (const x of share[l]) (built[l] as unknown[]).push(x);
    }
    flat = built;
  }
  const cache: LinkCache = { files: links, linkedFiles: files, factsByFile, modules, flat, offsets };
  return { files, ...flat, modules, memo, generation, changedSince, cache };
}

/**
 * What other files can see of a file: its exports, classes, wrappers (with the client calls they
 * forward to) and Nest cache defaults. While an edit leaves this unchanged, no other file's ops change.
 */
export function exportSignature(f: FileFacts): string {
  let sig = signatures.get(f);
  if (sig === undefined) signatures.set(f, (sig = signatureUncached(f)));
  return sig;
}

/** Facts never change once extracted: each one's signature is computed once (before and after an edit). */
const signatures = new WeakMap<FileFacts, string>();

function signatureUncached(f: FileFacts): string {
  const wrapped = f.wrappers.map((w) => {
    const c = f.calls[w.callId];
    return c && { m: c.method, r: c.receiver, a: c.args.map((a) => [a.str, a.num, a.props, a.param, a.spread]), fn: f.fns[c.fn - 1]?.params };
  });
  return JSON.stringify([f.exports, f.classes, f.wrappers, wrapped, f.nestCacheDefaultTtl ?? 'none', f.parseErrors.length > 0]);
}

/**
 * `hset(k, …)` then `expire(k, 60)` in the same function or pipeline (or in a function nested in
 * it or enclosing it: `ids.map((id) => redis.sadd(k, id))` then `redis.expire(k, 600)`): the write
 * has a TTL after all. Keys are compared by their source text, then by shape.
 */
function applyLaterExpires(ops: CacheOp[], facts: FileFacts): void {
  const span = (fn: number) => (fn === 0 ? { start: 0, end: Infinity } : facts.fns[fn - 1].span);
  const nested = (a: number, b: number) => {
    // module top level is not "around" every function: only real nesting counts
    if (a === 0 || b === 0) return false;
    const x = span(a);
    const y = span(b);
    return (x.start <= y.start && y.end <= x.end) || (y.start <= x.start && x.end <= y.end);
  };
  for (const op of ops) {
    if (op.kind !== 'write' || op.ttl !== false) continue;
    const later = ops.some(
      (e) =>
        e.kind === 'expire' &&
        e.call.methodSpan.start > op.call.methodSpan.start &&
        (e.call.fn === op.call.fn || (op.call.pipeline !== undefined && e.call.pipeline === op.call.pipeline) || nested(e.call.fn, op.call.fn)) &&
        (op.verb === 'mset' || op.verb === 'msetnx' || sameKey(op, e)),
    );
    if (later) op.ttl = true;
  }
}

function sameKey(a: CacheOp, b: CacheOp): boolean {
  if (a.call.key && b.call.key && a.call.key.text === b.call.key.text) return true;
  return !!a.key?.shape && a.key.shape === b.key?.shape && a.key.shape !== '{}';
}

/**
 * CacheModule.register(…) across the project: true if any sets a TTL; unknown if any registration's
 * options are not visible; false if all visibly omit it; unknown if there is none.
 */
function nestDefaultTtl(inputs: Input[]): boolean | undefined {
  let seen: boolean | undefined;
  let opaque = false;
  for (const i of inputs) {
    const v = i.facts.nestCacheDefaultTtl;
    if (v === true) return true;
    if (v === null) opaque = true;
    if (v === false) seen = false;
  }
  return opaque ? undefined : seen;
}

export type { ExportValue };
