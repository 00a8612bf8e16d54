// negative-cache-on-create: a read path caches "not found", and creating that entity never clears it.
// Docs: docs/rules/negative-cache-on-create.md
import { normaliseEntity } from '../facts/entity';
import { driftBetween, entityOfShape, shapesMatch } from '../facts/key-shape';
import type { DbWrite, FnFact } from '../facts/types';
import type { CacheOp, LinkedFile, ProjectIndex, Rule } from '../rule';
import { insertDelete } from './negative-cache-on-create.fix';
import { lineOf, shortPath } from './util';

/**
 * Calls that plausibly clear cache entries (`invalidateUser`, `evict`, `cache.reset`, `bustProductCache`,
 * `flushall`), but not MikroORM's `flush`/`persistAndFlush`, `clearTimeout` or `resetPassword`.
 */
const CLEARING_CALL =
  /invalidat|evict|purge|bust|uncache|forget|^flush(all|db)$|^(clear|reset|refresh)(?!(timeout|interval|immediate|tokens?|password|session)\b)|(remove|delete|del|drop|clear).*cache|cache.*(del|remove|drop|clear)|^del$|^delete$|^unlink$/i;
const BARE_DELETE = /^(del|delete|unlink)$/i;

/** How many levels of callers may clear the key for the create (repository ← service ← controller). */
const CALLER_DEPTH = 2;

interface Sentinel {
  op: CacheOp;
  shape: string;
  entities: Set<string>;
}

/** The entities each function's own DB reads query, by `file\0fn`. */
type ReadIndex = Map<string, Set<string>>;

function readIndex(project: ProjectIndex): ReadIndex {
  const out: ReadIndex = new Map();
  for (const r of project.dbReads) {
    if (!r.entity) continue;
    const k = `${r.file}\0${r.fn}`;
    const set = out.get(k) ?? new Set<string>();
    set.add(r.entity);
    out.set(k, set);
  }
  return out;
}

function readEntities(reads: ReadIndex, file: string, fn: number): Set<string> {
  return reads.get(`${file}\0${fn}`) ?? new Set();
}

function sentinelWrites(project: ProjectIndex): Sentinel[] {
  const out: Sentinel[] = [];
  const reads = readIndex(project);
  for (const op of project.ops) {
    // `SET lock:42 '' NX EX 30` takes a lock; it does not remember a miss
    if (op.kind !== 'write' || !op.sentinel || op.nx || !op.key?.shape || op.call.fn === 0) continue;
    const shape = op.key.shape;
    // the entity the read path queried, when its key names it: `''` under `webhook:seen:{}` after an
    // order lookup is a dedup flag, and `user:{}` cached after a session lookup is about users
    const file = project.files.get(op.file)!;
    const looked = [...scopeOf(file, op.call.fn)].flatMap((fn) => [...readEntities(reads, op.file, fn)]);
    let entities = new Set(looked.filter((e) => keyNames(shape, e)));
    // Pattern: const m = await this.members.findById(id) — the lookup is in a helper the read path calls
    const keyEntity = entityOfShape(shape);
    if (entities.size === 0 && keyEntity) entities = calleeEntities(project, reads, op, keyEntity);
    if (entities.size > 0) out.push({ op, shape, entities });
  }
  return out;
}

/** Does a key shape name the entity: `shop:product:{}` → product, `apikey:{}` → api_key, `addresses:{}` → address? */
function keyNames(shape: string, entity: string): boolean {
  const flat = entity.replace(/_/g, '');
  return shape
    .split(/[:/.|#{}\s]+/)
    .map((seg) => normaliseEntity(seg))
    .some((w) => !!w && (w === entity || w.replace(/_/g, '') === flat));
}

/** `this.usersRepo.findById(id)` where some project function `findById` reads the key's entity. */
function calleeEntities(project: ProjectIndex, reads: ReadIndex, op: CacheOp, keyEntity: string): Set<string> {
  const calls = new Set(project.files.get(op.file)?.facts.fns[op.call.fn - 1]?.calls ?? []);
  for (const f of project.files.values())
    for (const info of f.facts.fns)
      if (info.name && calls.has(info.name) && readEntities(reads, f.file, info.id).has(keyEntity)) return new Set([keyEntity]);
  return new Set();
}

function contains(outer: FnFact, inner: FnFact): boolean {
  return outer.span.start <= inner.span.start && outer.span.end >= inner.span.end;
}

/**
 * The functions whose code runs with the create: the create's own function, the functions around
 * it (a `$transaction` callback inside a service method) and the callbacks inside it (`.then(…)`).
 */
function scopeOf(file: LinkedFile, fn: number): Set<number> {
  const self = file.facts.fns[fn - 1];
  if (!self) return new Set([fn]);
  return new Set(file.facts.fns.filter((f) => contains(f, self) || contains(self, f)).map((f) => f.id));
}

/** Does the code around function `fn` of `file` clear the sentinel's key (or plausibly do so)? */
function clears(file: LinkedFile, fn: number, s: Sentinel): boolean {
  const scope = scopeOf(file, fn);
  for (const op of file.ops) {
    if (!scope.has(op.call.fn) || op === s.op) continue;
    if (op.kind !== 'delete' && !(op.kind === 'write' && !op.sentinel)) continue;
    const shape = op.key?.shape;
    // an unknown key may well be this one
    if (!shape || shapesMatch(shape, s.shape) || driftBetween(shape, s.shape)) return true;
  }
  return clearingCallIn(file, scope);
}

/**
 * A call named like an invalidation in the scope. A bare `del`/`delete`/`unlink` counts only when
 * it is not one of the cache ops already judged by key above (`redis.del('cart:…')` clears the
 * cart, not the user): an unresolved `this.cacheService.del(key)` may well clear the entry.
 */
function clearingCallIn(file: LinkedFile, scope: Set<number>): boolean {
  const judged = new Map<string, number>();
  for (const op of file.ops) if (scope.has(op.call.fn)) judged.set(op.call.method, (judged.get(op.call.method) ?? 0) + 1);
  const named = new Map<string, number>();
  for (const info of file.facts.fns) {
    if (!scope.has(info.id)) continue;
    for (const c of info.calls) {
      if (!CLEARING_CALL.test(c)) continue;
      if (!BARE_DELETE.test(c)) return true;
      named.set(c, (named.get(c) ?? 0) + 1);
    }
  }
  return [...named].some(([c, n]) => n > (judged.get(c) ?? 0));
}

/** Names a caller would call the create's code by: its function and the named functions around it. */
function namesAround(file: LinkedFile, fn: number): string[] {
  const self = file.facts.fns[fn - 1];
  if (!self) return [];
  return file.facts.fns.filter((f) => f.name && f.name !== 'constructor' && contains(f, self)).map((f) => f.name!);
}

/** A function calling the create's code (up to CALLER_DEPTH levels up) clears the key. */
function clearedByCallers(project: ProjectIndex, names: string[], s: Sentinel, depth = 1, seen = new Set<string>()): boolean {
  for (const n of names) seen.add(n);
  for (const f of project.files.values())
    for (const info of f.facts.fns) {
      if (!info.calls.some((c) => names.includes(c))) continue;
      if (clears(f, info.id, s)) return true;
      if (depth < CALLER_DEPTH) {
        const up = namesAround(f, info.id).filter((n) => !seen.has(n));
        if (up.length > 0 && clearedByCallers(project, up, s, depth + 1, seen)) return true;
      }
    }
  return false;
}

/** The sentinel is written by the create's own code (a get-or-create that manages its own key). */
function sameFlow(file: LinkedFile, create: DbWrite, s: Sentinel): boolean {
  return s.op.file === file.file && scopeOf(file, create.fn).has(s.op.call.fn);
}

export const negativeCacheOnCreate: Rule<'createKeepsNegative'> = {
  meta: {
    id: 'negative-cache-on-create',
    description: 'Require creates to clear a cached not-found entry for the same key.',
    severity: 'warning',
    fix: 'suggestion',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      createKeepsNegative:
        'Creating {{entity}} does not clear the cached not-found entry {{key}} written at {{where}}: the new record stays invisible until that entry expires.',
    },
    help: 'Delete the key the read path uses right after the create (or overwrite it with the new record).',
  },
  checkProject(project, ctx) {
    const sentinels = sentinelWrites(project);
    if (sentinels.length === 0) return;
    for (const create of project.dbWrites) {
      // a create at module top level is a seed or migration script, run before anyone reads
      if (create.kind !== 'create' || !create.entity || create.fn === 0) continue;
      const file = project.files.get(create.file);
      if (!file) continue;
      for (const s of sentinels) {
        if (!s.entities.has(create.entity) || sameFlow(file, create, s)) continue;
        if (clears(file, create.fn, s) || clearedByCallers(project, namesAround(file, create.fn), s)) continue;
        const readFile = project.files.get(s.op.file)!;
        const fix = insertDelete(project, create, s.op, s.shape, create.entity);
        ctx.report({
          file: create.file,
          span: create.span,
          messageId: 'createKeepsNegative',
          data: { entity: create.entity, key: `'${s.shape}'`, where: `${shortPath(s.op.file)}:${lineOf(readFile.text, s.op.call.span.start)}` },
          related: [{ file: s.op.file, span: s.op.call.span, message: `The read path caches a not-found sentinel under '${s.shape}' here.` }],
          suggestions: fix ? [fix] : [],
        });
        break; // one finding per create
      }
    }
  },
};
