// Phase 2: link every file's facts into the project the rules see. Receivers become libraries (or
// wrappers of them, followed across files), calls become CacheOps with their library semantics,
// keys become shapes, and sentinel constants imported from elsewhere are recognised.
import type { ResolvedConfig } from '../config';
import type { CacheOp, LinkedFile, ProjectIndex } from '../rule';
import { expandKey, namesWord, shapeOf } from '../facts/keys/shapes';
import { buildCacheModel, updateCacheModel, type CacheModel } from './cache-model';
import { OverlayMap } from './overlay-map';
import { CallGraph } from './call-graph';
import type { FileKind } from './file-kinds';
import { OpReader } from './ops';
import { markDecoratorCalls } from './decorated-ops';
import { ModuleResolver, resolveRef, type Leaving } from './resolve';
import type { ClientRef, DbRead, DbWrite, ExportValue, FileFacts, SymbolRef } from '../facts/types';

interface Input {
  file: string;
  text: string;
  facts: FileFacts;
  /** a test or a script (model/file-kinds.ts) */
  kind?: FileKind;
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
  files: ReadonlyMap<string, FileLink>;
  linkedFiles: ReadonlyMap<string, LinkedFile>;
  factsByFile: ReadonlyMap<string, FileFacts>;
  modules: ModuleResolver;
  flat: Lists;
  /** where each file's share starts in each flat list, in the order of LISTS */
  offsets: Map<string, number[]>;
  /** the project-wide cache defaults (a changed file keeps its share of them while reused: exportSignature) */
  nestTtl: boolean | undefined;
  /** its number as written, when the project's registers agree on one (link.ts nestDefaultTtlValue) */
  nestTtlValue: number | undefined;
  midwayTtl: (name: string) => boolean | undefined;
  /** the clients hung on global namespaces (OpReaderDeps.globals) */
  globals: ReadonlyMap<string, { file: string; client: ClientRef }>;
  /** this link's cache model, once some rule asked for it (the next link's is derived from it) */
  model?: CacheModel;
}


export interface LinkOptions {
  /**
   * The previous link, when no changed file changed its exported surface: the same files, of
   * which only `changed` may differ from what `cache` was linked from.
   */
  reuse?: { cache: LinkCache; changed: Input[] };
  /**
   * The previous link, whatever changed since: where imports lead depends on which files there
   * are and on the layout on disk, not on what the files hold, so its module answers are kept
   * when the files are the same (a layout change drops the link: Analyzer.relink).
   */
  previous?: LinkCache;
  /** ProjectIndex.memo (the caller keeps it across links) */
  memo?: Map<string, unknown>;
  generation?: number;
  changedSince?: ProjectIndex['changedSince'];
  /** the cache-manager major a file is written against (engine/packages.ts): v4 and older take seconds */
  cacheManagerMajor?: (file: string) => number | undefined;
  /** ProjectIndex.unparsed */
  unparsed?: ReadonlyMap<string, string>;
}

/**
 * Links the project. With `reuse`, files whose facts object is unchanged keep their previous
 * results: the caller passes it only when no changed file changed what others resolve through it
 * (see `exportSignature`), so an edit inside a function re-links that one file.
 */
export function linkProject(inputs: Input[], configFor: (file: string) => ResolvedConfig, opts: LinkOptions = {}): ProjectIndex & { cache: LinkCache } {
  const { reuse, previous, memo = new Map<string, unknown>(), generation = 0, changedSince } = opts;
  // what the previous link left that still holds: everything but the changed files' shares
  // (a changed file the cache never saw means the files differ after all: link from scratch)
  const reusing =
    reuse && reuse.cache.files.size === inputs.length && reuse.changed.every((i) => reuse.cache.files.has(i.file))
      ? { prev: reuse.cache, changed: reuse.changed }
      : undefined;
  const factsByFile: ReadonlyMap<string, FileFacts> = reusing
    ? OverlayMap.of(reusing.prev.factsByFile, reusing.changed.map((i) => [i.file, i.facts] as const))
    : new Map(inputs.map((i) => [i.file, i.facts]));
  const sameFiles = (prev: LinkCache) => prev.files.size === inputs.length && inputs.every((i) => prev.files.has(i.file));
  const modules = reusing ? reusing.prev.modules : previous && sameFiles(previous) ? previous.modules : new ModuleResolver(factsByFile);
  const nestTtl = reusing ? reusing.prev.nestTtl : nestDefaultTtl(inputs);
  const nestTtlValue = reusing ? reusing.prev.nestTtlValue : nestDefaultTtlValue(inputs);
  const midwayTtl = reusing ? reusing.prev.midwayTtl : midwayDefaultTtl(inputs);
  const globals = reusing ? reusing.prev.globals : globalClients(inputs);
  const resolve = (from: string, ref: SymbolRef, leaving?: Leaving) => resolveRef(factsByFile, modules, from, ref, 0, leaving);

  // the files' kinds, read only when a lookup asks (an interface implemented by a test's fake too)
  let kinds: Map<string, FileKind> | undefined;
  const kindOf = (f: string) => (kinds ??= new Map(inputs.flatMap((i) => (i.kind ? [[i.file, i.kind] as const] : [])))).get(f);
  const reader = new OpReader({ factsByFile, resolve, resolveModule: (from, spec) => modules.resolve(from, spec), configFor, nestTtl, nestTtlValue, midwayTtl, globals, cacheManagerMajor: opts.cacheManagerMajor, kindOf });

  /** One file's share: its ops (wrappers followed), its loose reads and its DB writes and reads. */
  function linkFile({ file, text, facts, kind }: Input): FileLink {
    const looseReads: Lists['looseReads'] = [];
    const fileOps: CacheOp[] = [];
    for (const call of facts.calls) {
      const ops = reader.opsOf(file, call);
      if (ops.length > 0) for (const op of ops) fileOps.push(op);
      else if (call.key && (call.receiver.t === 'unknown' || /^(get|hget|hgetall|mget|exists)$/i.test(call.method))) {
        const parts = expandKey(call.key.parts, (ref, from) => resolve(from ?? file, ref));
        const shape = shapeOf(parts);
        // Pattern: this.inflight.get(fullKey) — a Map keyed `${prefix}:${key}` names no key of its own
        if (namesWord(shape)) looseReads.push({ file, call, shape });
      }
    }
    // source order of the verbs (a chain's calls all start at its receiver)
    fileOps.sort((a, b) => a.call.methodSpan.start - b.call.methodSpan.start);
    applyLaterExpires(fileOps, facts);
    reader.markForwarded(file, fileOps);
    markDecoratorCalls(facts, fileOps);
    const share: Lists = {
      ops: fileOps,
      looseReads,
      dbWrites: facts.dbWrites.map((w) => ({ ...w, file })),
      dbReads: facts.dbReads.map((r) => ({ ...r, file })),
    };
    return { linked: { file, text, facts, ops: fileOps, ...(kind ? { kind } : {}) }, share };
  }

  let links: ReadonlyMap<string, FileLink>;
  let files: ReadonlyMap<string, LinkedFile>;
  if (reusing) {
    const relinked = reusing.changed.map((input) => [input.file, linkFile(input)] as const);
    links = OverlayMap.of(reusing.prev.files, relinked);
    files = OverlayMap.of(reusing.prev.linkedFiles, relinked.map(([f, l]) => [f, l.linked] as const));
  } else {
    const all = new Map<string, FileLink>();
    const linked = new Map<string, LinkedFile>();
    for (const input of inputs) {
      const link = linkFile(input);
      all.set(input.file, link);
      linked.set(input.file, link.linked);
    }
    links = all;
    files = linked;
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
  const cache: LinkCache = { files: links, linkedFiles: files, factsByFile, modules, flat, offsets, nestTtl, nestTtlValue, midwayTtl, globals };
  let model: CacheModel | undefined;
  let callGraph: CallGraph | undefined;
  return {
    files,
    ...flat,
    dbWritesOf: (file) => links.get(file)?.share.dbWrites ?? [],
    modules,
    memo,
    generation,
    changedSince,
    unparsed: opts.unparsed ?? new Map(),
    cache,
    get model() {
      if (!model) {
        const prev = reusing?.prev.model;
        model = prev ? updateCacheModel(prev, files, reusing!.changed.map((i) => i.file)) : buildCacheModel(files);
        cache.model = model;
      }
      return model;
    },
    get callGraph() {
      return (callGraph ??= new CallGraph({ files, resolve, resolveModule: (from, spec) => modules.resolve(from, spec) }));
    },
  };
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
  // a wrapper's summary reads every cache call of its function: their verbs, keys and arguments
  // (and a cache decorator's wrapper function, which its decorations read the same way)
  const fns = new Set([...f.wrappers.map((w) => f.calls[w.callId]?.fn), ...(f.decorators ?? []).map((d) => d.fn)]);
  const wrapped = f.calls
    .filter((c) => fns.has(c.fn))
    .map((c) => ({
      m: c.method,
      r: c.receiver,
      k: c.key?.parts,
      a: c.args.map((a) => [a.str, a.num, a.props, a.param, a.spread, a.src, a.sentinel, a.sentinelRef, a.unconditional]),
      fb: c.fallback,
      // a key minted inside the wrapper (`state.version ||= genId()`) makes its callers' ops new keys
      mt: c.minted,
      fn: f.fns[c.fn - 1]?.params,
    }));
  return JSON.stringify([f.exports, f.classes, f.wrappers, f.decorators ?? [], wrapped, f.nestCacheDefaultTtl ?? 'none', f.nestCacheDefaultTtlValue ?? 'none', f.midwayCacheTtl ?? 'none', f.globals ?? 'none', f.parseErrors.length > 0]);
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
/**
 * The clients hung on global namespaces (`WIKI.cache = …`), by path. A path assigned different
 * things in different files (a store per environment) is left out: which one runs is unknown.
 */
function globalClients(inputs: Input[]): Map<string, { file: string; client: ClientRef }> {
  const out = new Map<string, { file: string; client: ClientRef }>();
  const mixed = new Set<string>();
  for (const i of inputs) {
    for (const [path, client] of Object.entries(i.facts.globals ?? {})) {
      const before = out.get(path);
      if (before && JSON.stringify(before.client) !== JSON.stringify(client)) mixed.add(path);
      else if (!before) out.set(path, { file: i.file, client });
    }
  }
  for (const p of mixed) out.delete(p);
  return out;
}

/** The number every `CacheModule.register` with a default TTL gives, when they agree (undefined otherwise). */
function nestDefaultTtlValue(inputs: Input[]): number | undefined {
  let value: number | undefined;
  for (const i of inputs) {
    if (i.facts.nestCacheDefaultTtl === undefined) continue;
    const v = i.facts.nestCacheDefaultTtlValue;
    if (v === undefined || (value !== undefined && v !== value)) return undefined;
    value = v;
  }
  return value;
}

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

/**
 * A Midway cache store's default TTL across the project's config files (config.default.ts,
 * config.prod.ts…, which Midway merges): true if any sets one; unknown if any cannot be read or
 * none configures the store; false if every one visibly sets none (`ttl: 0`).
 */
function midwayDefaultTtl(inputs: Input[]): (name: string) => boolean | undefined {
  const configs = inputs.flatMap((i) => (i.facts.midwayCacheTtl ? [i.facts.midwayCacheTtl] : []));
  return (name) => {
    let seen: boolean | undefined;
    for (const c of configs) {
      const v = name in c ? c[name] : c['*'];
      if (v === true) return true;
      if (v === null) return undefined;
      if (v === false) seen = false;
    }
    // @midwayjs/cache's own config gives its store a 10-second TTL unless the project overrides it
    return seen ?? (name === '@cache' ? true : undefined);
  };
}

export type { ExportValue };
