// The project's cache as a model: every key shape with its readers, writers, deleters and
// expirers, and its role (cache, not a cache, unknown) with the evidence for it (roles.ts).
// Built from the linked ops of product files (tests and scripts do not count), once per link.
// It also says where findings about a key belong (`isKeySite`): where the key and its TTL are
// chosen, which for a project wrapper is at its callers or inside it (wrapper-summaries.ts).
import type { CacheOp, LinkedFile } from '../rule';
import { namesWord, REQUEST_PATH_KEY } from '../facts/keys/shapes';
import { decideRole, describeRole, evidenceOf, fillEvidence, type Decision, type Evidence, type Role } from './roles';

export interface KeyModel {
  /** the shape (`user:{}`), or an identity for a key with no literal text (see keyIdOf; starts with a NUL) */
  id: string;
  shape?: string;
  role: Role;
  /** for keys that are no cache: a replica of rows, job scratch state, a named marker */
  kind?: Decision['kind'];
  /** `cache: filled after a miss` */
  summary: string;
  evidence: Evidence[];
  readers: CacheOp[];
  writers: CacheOp[];
  deleters: CacheOp[];
  expirers: CacheOp[];
  others: CacheOp[];
  /** some reader loads from a source on a miss (a TTL then only costs a reload) */
  reloads: boolean;
}

export interface CacheModel {
  keys: ReadonlyMap<string, KeyModel>;
  /** the key an op touches (undefined: an op without a key, such as mset) */
  keyOf(op: CacheOp): KeyModel | undefined;
  roleOf(op: CacheOp): Role;
  /**
   * Whether findings about the op's key and TTL belong at this op: not inside a facade whose
   * callers name their keys, not at the calls of a helper that builds the key itself. A facade
   * whose callers pass keys with nothing literal (`saveSummary(prompt, text)`) is where the key
   * family is known: its own client call is the site then.
   */
  isKeySite(op: CacheOp): boolean;
  /** for an op inside a facade: the calls of the facade that pass bare keys (whose key family it is) */
  opaqueCallersOf(op: CacheOp): readonly CacheOp[];
  /** the write fills the key after a miss in its own flow (a read-through), rather than writing through */
  isFill(op: CacheOp): boolean;
}

/**
 * The caller builds the key (a template, a concatenation, a builder call, a constant from elsewhere)
 * rather than passing a value through (`getSummary(prompt)`): it names a key family of its own.
 */
function namesKey(op: CacheOp): boolean {
  const k = op.call.key;
  return namesWord(op.key?.shape) || !!k?.written || !!k?.builder || !!k?.parts.some((p) => 'ref' in p || 'lit' in p);
}

/** One file's share of a key: its ops of that key by kind, and the evidence they give. */
interface KeyPart {
  readers: CacheOp[];
  writers: CacheOp[];
  deleters: CacheOp[];
  expirers: CacheOp[];
  others: CacheOp[];
  evidence: Evidence[];
  reloads: boolean;
}

/** One file's share of the model, kept so that an edit re-reads only the files it touched. */
interface FileShare {
  keys: Map<string, KeyPart>;
  /** wrapper key families this file's calls name with a literal key */
  named: Set<string>;
  /** wrapper key families this file's calls reach with a key of nothing literal, and those calls */
  opaque: Map<string, CacheOp[]>;
  /** the files whose facts this share's key identities were read from (wrappers it calls through) */
  via: Set<string>;
}

/** What the next link's model is derived from; handed on (and so emptied) on each update. */
interface ModelState {
  shares: Map<string, FileShare>;
  /** file → position in the project's file order (the order every list is in) */
  order: Map<string, number>;
  /** key id → the files with a share of it */
  keyFiles: Map<string, Set<string>>;
  /** file → the files whose shares were read through it */
  dependents: Map<string, Set<string>>;
  keys: Map<string, KeyModel>;
  /** wrapper key family → how many files name it with a literal key */
  named: Map<string, number>;
  /** wrapper key family → the files that reach it with keys of nothing literal */
  opaqueFiles: Map<string, Set<string>>;
  /** wrapper key family → those calls, in project order */
  opaque: Map<string, CacheOp[]>;
}

/** The writes that fill a key after a miss in their own flow. An op's answer depends on its file's ops alone. */
const FILLS = new WeakSet<CacheOp>();
/** The key identity of each op of a product file, as its file's share was last read. */
const IDS = new WeakMap<CacheOp, string>();

const states = new WeakMap<CacheModel, ModelState>();

/** The key text of a wrapper's inner call: `wrapper:<file>:<text>`, one family per wrapper module. */
const wrapperKey = (file: string, text: string | undefined) => (text === undefined ? undefined : `\0wrapper:${file}:${text}`);
const localKey = (file: string, fn: number, text: string | undefined) => (text === undefined ? undefined : `\0local:${file}#${fn}:${text}`);

function innerKeyOf(files: ReadonlyMap<string, LinkedFile>, op: CacheOp): string | undefined {
  if (op.forwarded) return wrapperKey(op.file, op.call.key?.text);
  if (op.via) return wrapperKey(op.via.file, files.get(op.via.file)?.facts.calls[op.via.callId]?.key?.text);
  return undefined;
}

/** A constant's path the linker could not read (`REDIS_KEYS.RESEARCH.PROGRESS` built by a call at run time). */
const CONSTANT_PATH = /^[A-Z][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)+$/;

/**
 * Pattern: `${REDIS_KEYS.RESEARCH.PROGRESS}:${userId}` in two functions, the constants object built at
 * run time (`applyPrefix({ … })`): no literal text, but the same named constant in the same place
 * is the same key wherever it is written (`\0const:<REDIS_KEYS.RESEARCH.PROGRESS>:{}`).
 */
function symbolicKey(op: CacheOp): string | undefined {
  const parts = op.key?.parts;
  if (!parts?.some((p) => 'hole' in p && CONSTANT_PATH.test(p.hole))) return undefined;
  return `\0const:${parts.map((p) => ('lit' in p ? p.lit : 'hole' in p && CONSTANT_PATH.test(p.hole) ? `<${p.hole}>` : '{}')).join('')}`;
}

/**
 * Shapes with some literal word identify a key across files. A key with nothing literal is, in
 * turn: the inner key of the helper an echo goes through; the wrapper's key family for a facade's
 * own call and for callers that pass a bare value; else local to its function.
 */
function keyIdOf(files: ReadonlyMap<string, LinkedFile>, op: CacheOp): string | undefined {
  if (namesWord(op.key?.shape)) return op.key!.shape;
  const sym = symbolicKey(op);
  if (sym) return sym;
  if (op.echo && op.via) {
    const inner = files.get(op.via.file)?.facts.calls[op.via.callId];
    return inner && localKey(op.via.file, inner.fn, inner.key?.text);
  }
  if (op.forwarded || (op.via && !namesKey(op))) return innerKeyOf(files, op);
  return localKey(op.file, op.call.fn, op.call.key?.text);
}

function shareOf(files: ReadonlyMap<string, LinkedFile>, f: LinkedFile): FileShare {
  const share: FileShare = { keys: new Map(), named: new Set(), opaque: new Map(), via: new Set() };
  if (f.kind) return share;
  const fills = fillEvidence(f.ops);
  for (const w of fills.keys()) FILLS.add(w);
  for (const op of f.ops) {
    if (op.via) share.via.add(op.via.file);
    if (op.via && !op.echo) {
      const w = innerKeyOf(files, op);
      if (w && namesKey(op)) share.named.add(w);
      else if (w) {
        const list = share.opaque.get(w);
        if (list) list.push(op);
        else share.opaque.set(w, [op]);
      }
    }
    const id = keyIdOf(files, op);
    if (!id) continue;
    IDS.set(op, id);
    let k = share.keys.get(id);
    if (!k) share.keys.set(id, (k = { readers: [], writers: [], deleters: [], expirers: [], others: [], evidence: [], reloads: false }));
    const list = op.kind === 'read' ? k.readers : op.kind === 'write' ? k.writers : op.kind === 'delete' ? k.deleters : op.kind === 'expire' ? k.expirers : k.others;
    list.push(op);
    for (const e of evidenceOf(op)) k.evidence.push(e);
    const fill = fills.get(op);
    if (fill) k.evidence.push(fill);
    if (op.kind === 'read' && op.fallback) k.reloads = true;
  }
  share.via.delete(f.file);
  return share;
}

/** A key as the shares of `files` (in project order) make it, its role decided. */
function keyModel(id: string, parts: readonly KeyPart[]): KeyModel {
  // identities that are no shape start with a NUL, which no key shape holds
  const k: KeyModel = { id, shape: id.startsWith('\0') ? undefined : id, role: 'unknown', summary: '', evidence: [], readers: [], writers: [], deleters: [], expirers: [], others: [], reloads: false };
  for (const p of parts) {
    for (const l of ['readers', 'writers', 'deleters', 'expirers', 'others', 'evidence'] as const) for (const x of p[l]) (k[l] as unknown[]).push(x);
    if (p.reloads) k.reloads = true;
  }
  const d = decideRole(k.evidence, [...k.readers, ...k.writers, ...k.deleters, ...k.expirers, ...k.others], k.shape);
  k.role = d.role;
  if (d.kind) k.kind = d.kind;
  k.summary = describeRole(d, k.evidence);
  return k;
}

function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
}

/** The model of a whole project: every file's share. */
export function buildCacheModel(files: ReadonlyMap<string, LinkedFile>): CacheModel {
  const state: ModelState = { shares: new Map(), order: new Map(), keyFiles: new Map(), dependents: new Map(), keys: new Map(), named: new Map(), opaqueFiles: new Map(), opaque: new Map() };
  for (const f of files.values()) state.order.set(f.file, state.order.size);
  for (const f of files.values()) putShare(state, f.file, shareOf(files, f));
  for (const [id, owners] of state.keyFiles) state.keys.set(id, keyModel(id, partsOf(state, id, owners)));
  for (const w of state.opaqueFiles.keys()) state.opaque.set(w, opaqueCalls(state, w));
  return modelOf(files, state);
}

/**
 * The model after an edit of `changed` (the files relinked since `prev` was built, every other
 * file's link unchanged): only their shares, and those of files that read key identities through
 * them, are read again, and only the keys these touch are decided again. The result is the model
 * `buildCacheModel` gives. Falls back to it when `prev` was already updated or its files differ.
 */
export function updateCacheModel(prev: CacheModel, files: ReadonlyMap<string, LinkedFile>, changed: readonly string[]): CacheModel {
  const old = states.get(prev);
  if (!old || old.order.size !== files.size || changed.some((f) => !old.order.has(f))) return buildCacheModel(files);
  // the state moves on: `prev` keeps answering from its own keys, but is never updated again
  states.delete(prev);
  const state: ModelState = { ...old, keys: new Map(old.keys), named: new Map(old.named), opaque: new Map(old.opaque) };
  const redo = new Set<string>();
  for (const f of changed) {
    redo.add(f);
    for (const d of old.dependents.get(f) ?? []) redo.add(d);
  }
  const touched = new Set<string>();
  const families = new Set<string>();
  for (const file of redo) {
    const before = state.shares.get(file);
    if (before) {
      for (const id of before.keys.keys()) touched.add(id);
      for (const w of before.opaque.keys()) families.add(w);
      takeShare(state, file, before);
    }
    const f = files.get(file);
    if (!f) continue;
    const share = shareOf(files, f);
    for (const id of share.keys.keys()) touched.add(id);
    for (const w of share.opaque.keys()) families.add(w);
    putShare(state, file, share);
  }
  for (const w of families) {
    if (state.opaqueFiles.get(w)?.size) state.opaque.set(w, opaqueCalls(state, w));
    else state.opaque.delete(w);
  }
  for (const id of touched) {
    const owners = state.keyFiles.get(id);
    if (owners && owners.size > 0) state.keys.set(id, keyModel(id, partsOf(state, id, owners)));
    else state.keys.delete(id);
  }
  return modelOf(files, state);
}

function inProjectOrder(state: ModelState, files: ReadonlySet<string>): string[] {
  const list = [...files];
  if (list.length > 1) list.sort((a, b) => state.order.get(a)! - state.order.get(b)!);
  return list;
}

function partsOf(state: ModelState, id: string, owners: ReadonlySet<string>): KeyPart[] {
  return inProjectOrder(state, owners).map((f) => state.shares.get(f)!.keys.get(id)!);
}

function opaqueCalls(state: ModelState, w: string): CacheOp[] {
  return inProjectOrder(state, state.opaqueFiles.get(w) ?? new Set()).flatMap((f) => state.shares.get(f)!.opaque.get(w)!);
}

function putShare(state: ModelState, file: string, share: FileShare): void {
  state.shares.set(file, share);
  for (const id of share.keys.keys()) addTo(state.keyFiles, id, file);
  for (const v of share.via) addTo(state.dependents, v, file);
  for (const w of share.named) state.named.set(w, (state.named.get(w) ?? 0) + 1);
  for (const w of share.opaque.keys()) addTo(state.opaqueFiles, w, file);
}

function takeShare(state: ModelState, file: string, share: FileShare): void {
  state.shares.delete(file);
  for (const id of share.keys.keys()) state.keyFiles.get(id)?.delete(file);
  for (const v of share.via) state.dependents.get(v)?.delete(file);
  for (const w of share.named) {
    const n = (state.named.get(w) ?? 0) - 1;
    if (n > 0) state.named.set(w, n);
    else state.named.delete(w);
  }
  for (const w of share.opaque.keys()) state.opaqueFiles.get(w)?.delete(file);
}

function modelOf(files: ReadonlyMap<string, LinkedFile>, state: ModelState): CacheModel {
  const { keys, named, opaque } = state;
  const keyOf = (op: CacheOp) => {
    const id = IDS.get(op);
    return id === undefined ? undefined : keys.get(id);
  };
  const model: CacheModel = {
    keys,
    keyOf,
    // an op without a key of its own (mset) is judged by what it shows itself
    roleOf: (op) => {
      const k = keyOf(op);
      // Pattern: cache.delete(`/user/${id}`) where every GET handler reads through `req.path`: the
      // route's key spelled out is one of the request-path keys, whose role it shares when it has none
      if (k?.role === 'unknown' && k.shape?.startsWith('/') && keys.get(REQUEST_PATH_KEY)?.role === 'cache') return 'cache';
      return k?.role ?? (op.key ? 'unknown' : decideRole(evidenceOf(op), [op], undefined).role);
    },
    isKeySite(op) {
      if (op.echo) return false;
      if (op.forwarded) {
        const w = innerKeyOf(files, op);
        return !!w && opaque.has(w) && !named.has(w);
      }
      if (op.via) return namesKey(op);
      return true;
    },
    isFill: (op) => FILLS.has(op),
    opaqueCallersOf(op) {
      const w = op.forwarded ? innerKeyOf(files, op) : undefined;
      return (w && opaque.get(w)) || [];
    },
  };
  states.set(model, state);
  return model;
}
