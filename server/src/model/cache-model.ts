// The project's cache as a model: every key shape with its readers, writers, deleters and
// expirers, and its role (cache, not a cache, unknown) with the evidence for it (roles.ts).
// Built from the linked ops of product files (tests and scripts do not count), once per link.
import type { CacheOp, LinkedFile } from '../rule';
import { decideRole, describeRole, evidenceOf, fillEvidence, type Evidence, type Role } from './roles';

export interface KeyModel {
  /** the shape (`user:{}`), or a local identity for a key with no literal text */
  id: string;
  shape?: string;
  role: Role;
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
}

/** Shapes with some literal word identify a key across files; others only within their function. */
function keyId(op: CacheOp): string | undefined {
  const shape = op.key?.shape;
  if (shape && /[A-Za-z]{2,}/.test(shape.replace(/\{\}/g, ''))) return shape;
  const text = op.call.key?.text;
  return text ? `local:${op.file}#${op.call.fn}:${text}` : undefined;
}

/** The ops that say something about the project's cache: product code, keys chosen where they are read. */
function counts(op: CacheOp): boolean {
  return !op.forwarded;
}

export function buildCacheModel(files: Iterable<LinkedFile>): CacheModel {
  const keys = new Map<string, KeyModel>();
  const byOp = new Map<CacheOp, KeyModel>();
  for (const f of files) {
    if (f.kind) continue;
    const fills = fillEvidence(f.ops);
    for (const op of f.ops) {
      if (!counts(op)) continue;
      const id = keyId(op);
      if (!id) continue;
      let k = keys.get(id);
      if (!k) {
        k = { id, shape: id.startsWith('local:') ? undefined : id, role: 'unknown', summary: '', evidence: [], readers: [], writers: [], deleters: [], expirers: [], others: [], reloads: false };
        keys.set(id, k);
      }
      byOp.set(op, k);
      const list = op.kind === 'read' ? k.readers : op.kind === 'write' ? k.writers : op.kind === 'delete' ? k.deleters : op.kind === 'expire' ? k.expirers : k.others;
      list.push(op);
      for (const e of evidenceOf(op)) k.evidence.push(e);
      const fill = fills.get(op);
      if (fill) k.evidence.push(fill);
      if (op.kind === 'read' && op.fallback) k.reloads = true;
    }
  }
  for (const k of keys.values()) {
    const ops = [...k.readers, ...k.writers, ...k.deleters, ...k.expirers, ...k.others];
    k.role = decideRole(k.evidence, ops, k.shape);
    k.summary = describeRole(k.role, k.evidence);
  }
  const keyOf = (op: CacheOp) => byOp.get(op) ?? keysOfForwarded(op, keys);
  return {
    keys,
    keyOf,
    // an op without a key of its own (mset) is judged by what it shows itself
    roleOf: (op) => keyOf(op)?.role ?? (op.key ? 'unknown' : decideRole(evidenceOf(op), [op], undefined)),
  };
}

/** A forwarded op (inside a facade) has no key of its own in the model: look it up by shape only. */
function keysOfForwarded(op: CacheOp, keys: ReadonlyMap<string, KeyModel>): KeyModel | undefined {
  const id = op.forwarded ? keyId(op) : undefined;
  return id ? keys.get(id) : undefined;
}
