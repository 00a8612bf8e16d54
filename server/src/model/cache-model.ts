// The project's cache as a model: every key shape with its readers, writers, deleters and
// expirers, and its role (cache, not a cache, unknown) with the evidence for it (roles.ts).
// Built from the linked ops of product files (tests and scripts do not count), once per link.
// It also says where findings about a key belong (`isKeySite`): where the key and its TTL are
// chosen, which for a project wrapper is at its callers or inside it (wrapper-summaries.ts).
import type { CacheOp, LinkedFile } from '../rule';
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

const meaningful = (shape: string | undefined): shape is string => !!shape && /[A-Za-z]{2,}/.test(shape.replace(/\{\}/g, ''));

/**
 * The caller builds the key (a template, a concatenation, a builder call, a constant from elsewhere)
 * rather than passing a value through (`getSummary(prompt)`): it names a key family of its own.
 */
function namesKey(op: CacheOp): boolean {
  const k = op.call.key;
  return meaningful(op.key?.shape) || !!k?.written || !!k?.builder || !!k?.parts.some((p) => 'ref' in p || 'lit' in p);
}

export function buildCacheModel(files: ReadonlyMap<string, LinkedFile>): CacheModel {
  /** the key text of a wrapper's inner call: `wrapper:<file>:<text>`, one family per wrapper module */
  const wrapperKey = (file: string, text: string | undefined) => (text === undefined ? undefined : `\0wrapper:${file}:${text}`);
  const innerKeyOf = (op: CacheOp): string | undefined => {
    if (op.forwarded) return wrapperKey(op.file, op.call.key?.text);
    if (op.via) return wrapperKey(op.via.file, files.get(op.via.file)?.facts.calls[op.via.callId]?.key?.text);
    return undefined;
  };
  const local = (file: string, fn: number, text: string | undefined) => (text === undefined ? undefined : `\0local:${file}#${fn}:${text}`);
  /**
   * Shapes with some literal word identify a key across files. A key with nothing literal is, in
   * turn: the inner key of the helper an echo goes through; the wrapper's key family for a facade's
   * own call and for callers that pass a bare value; else local to its function.
   */
  const keyIdOf = (op: CacheOp): string | undefined => {
    if (meaningful(op.key?.shape)) return op.key!.shape;
    if (op.echo && op.via) {
      const inner = files.get(op.via.file)?.facts.calls[op.via.callId];
      return inner && local(op.via.file, inner.fn, inner.key?.text);
    }
    if (op.forwarded || (op.via && !namesKey(op))) return innerKeyOf(op);
    return local(op.file, op.call.fn, op.call.key?.text);
  };

  const keys = new Map<string, KeyModel>();
  const byOp = new Map<CacheOp, KeyModel>();
  /** wrapper key families some caller names with a literal key (then the callers are the sites) */
  const namedByCaller = new Set<string>();
  /** wrapper key families some caller reaches with a key of nothing literal, and those calls */
  const opaqueCallers = new Map<string, CacheOp[]>();
  const fillOps = new Set<CacheOp>();
  for (const f of files.values()) {
    if (f.kind) continue;
    const fills = fillEvidence(f.ops);
    for (const w of fills.keys()) fillOps.add(w);
    for (const op of f.ops) {
      if (op.via && !op.echo) {
        const w = innerKeyOf(op);
        if (w && namesKey(op)) namedByCaller.add(w);
        else if (w) {
          const list = opaqueCallers.get(w);
          if (list) list.push(op);
          else opaqueCallers.set(w, [op]);
        }
      }
      const id = keyIdOf(op);
      if (!id) continue;
      let k = keys.get(id);
      if (!k) {
        // identities that are no shape start with a NUL, which no key shape holds
        k = { id, shape: id.startsWith('\0') ? undefined : id, role: 'unknown', summary: '', evidence: [], readers: [], writers: [], deleters: [], expirers: [], others: [], reloads: false };
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
    const d = decideRole(k.evidence, ops, k.shape);
    k.role = d.role;
    if (d.kind) k.kind = d.kind;
    k.summary = describeRole(d, k.evidence);
  }
  const keyOf = (op: CacheOp) => byOp.get(op);
  return {
    keys,
    keyOf,
    // an op without a key of its own (mset) is judged by what it shows itself
    roleOf: (op) => keyOf(op)?.role ?? (op.key ? 'unknown' : decideRole(evidenceOf(op), [op], undefined).role),
    isKeySite(op) {
      if (op.echo) return false;
      if (op.forwarded) {
        const w = innerKeyOf(op);
        return !!w && opaqueCallers.has(w) && !namedByCaller.has(w);
      }
      if (op.via) return namesKey(op);
      return true;
    },
    isFill: (op) => fillOps.has(op),
    opaqueCallersOf(op) {
      const w = op.forwarded ? innerKeyOf(op) : undefined;
      return (w && opaqueCallers.get(w)) || [];
    },
  };
}
