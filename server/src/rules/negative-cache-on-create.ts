// negative-cache-on-create: a read path caches "not found", and creating that entity never clears it.
// Docs: docs/rules/negative-cache-on-create.md
import { driftBetween, entityOfShape, shapeNamesEntity, shapesMatch } from '../facts/keys/shapes';
import type { FileFacts, FnFact } from '../facts/types';
import type { CacheOp, LinkedFile, ProjectIndex, Rule } from '../rule';
import { fileIndex, type FileIndex } from './file-index';
import { insertDelete } from './negative-cache-on-create.fix';
import { lineOf, shortPath } from './util';

/**
 * Calls that plausibly clear cache entries (`invalidateUser`, `evict`, `cache.reset`, `bustProductCache`,
 * `flushall`), but not MikroORM's `flush`/`persistAndFlush`, `clearTimeout` or `resetPassword`.
 */
const CLEARING_CALL =
  // bare del/delete/unlink are not here: cache deletes are seen as ops (with their keys), and a
  // database `prisma.invite.delete(…)` must not count as an invalidation
  /invalidat|evict|purge|bust|uncache|forget|^flush(all|db)$|^(clear|reset|refresh)(?!(timeout|interval|immediate|tokens?|password|session))|(remove|delete|del|drop|clear).*cache|cache.*(del|remove|drop|clear)/i;

/** How many levels of callers may clear the key for the create (repository ← service ← controller). */
const CALLER_DEPTH = 2;

interface Sentinel {
  op: CacheOp;
  shape: string;
  entities: Set<string>;
}

interface Fn {
  file: LinkedFile;
  /** the function's id in its file */
  fn: number;
}

/** Project-wide lookups: functions by name and by the names they call, kept up to date per file. */
interface Index {
  project: ProjectIndex;
  byName(name: string): Fn[];
  callersOf(name: string): Fn[];
  /** functions named `name` that delete or overwrite keys (known shapes only), with those shapes */
  clearersNamed(name: string): readonly { file: string; value: { fn: number; shapes: string[] } }[];
}

function buildIndex(project: ProjectIndex): Index {
  // function ids: an edit that renames and calls nothing new leaves these entries as they were
  const byName = fileIndex<number>(project, 'negative-cache-on-create:fns-by-name', 'facts', (file, add) => {
    for (const info of file.facts.fns) if (info.name) add(info.name, info.id);
  });
  const callersOf = fileIndex<number>(project, 'negative-cache-on-create:fns-by-callee', 'facts', (file, add) => {
    for (const info of file.facts.fns) for (const c of new Set(info.calls)) add(c, info.id);
  });
  // Pattern: cacheUser(user) { … redis.set(`user:${user.id}`, …) } — functions that delete a key or
  // write a real value under it, by name, with the key shapes they do it with
  const clearers = fileIndex<{ fn: number; shapes: string[] }>(project, 'negative-cache-on-create:clearing-fns', 'links', (file, add) => {
    const shapes = new Map<number, string[]>();
    for (const op of file.ops) {
      if (!isClearing(op) || !op.key?.shape || op.call.fn === 0) continue;
      const list = shapes.get(op.call.fn);
      if (list) list.push(op.key.shape);
      else shapes.set(op.call.fn, [op.key.shape]);
    }
    for (const [fn, list] of shapes) {
      const name = file.facts.fns[fn - 1]?.name;
      if (name) add(name, { fn, shapes: list });
    }
  });
  // many creates ask about the same names within one run
  const lookup = (index: FileIndex<number>) => {
    const answers = new Map<string, Fn[]>();
    return (name: string): Fn[] => {
      let fns = answers.get(name);
      if (!fns) answers.set(name, (fns = index.get(name).map((h) => ({ file: project.files.get(h.file)!, fn: h.value }))));
      return fns;
    };
  };
  return { project, byName: lookup(byName), callersOf: lookup(callersOf), clearersNamed: (n) => clearers.get(n) };
}

/** Entities each function's own DB reads query, per file (facts are immutable: computed once per facts object). */
const readsByFn = new WeakMap<FileFacts, Map<number, Set<string>>>();

function readsOf(file: LinkedFile, fn: number): ReadonlySet<string> {
  let m = readsByFn.get(file.facts);
  if (!m) {
    m = new Map();
    for (const r of file.facts.dbReads) if (r.entity) m.set(r.fn, (m.get(r.fn) ?? new Set()).add(r.entity));
    readsByFn.set(file.facts, m);
  }
  return m.get(fn) ?? NO_ENTITIES;
}

const NO_ENTITIES: ReadonlySet<string> = new Set();

function contains(outer: FnFact, inner: FnFact): boolean {
  return outer.span.start <= inner.span.start && outer.span.end >= inner.span.end;
}

/**
 * The functions whose code runs with `fn`: itself, the functions around it (a `$transaction`
 * callback inside a service method) and the callbacks inside it (`.then(…)`).
 */
function scopeOf(file: LinkedFile, fn: number): Set<number> {
  const self = file.facts.fns[fn - 1];
  if (!self) return new Set([fn]);
  return new Set(file.facts.fns.filter((f) => contains(f, self) || contains(self, f)).map((f) => f.id));
}

function sentinelWrites(ix: Index): Sentinel[] {
  const out: Sentinel[] = [];
  for (const op of ix.project.ops) {
    // `SET lock:42 '' NX EX 30` takes a lock; it does not remember a miss
    if (op.kind !== 'write' || !op.sentinel || op.nx || op.forwarded || !op.key?.shape || op.call.fn === 0) continue;
    if (ix.project.files.get(op.file)?.kind) continue;
    const shape = op.key.shape;
    const file = ix.project.files.get(op.file)!;
    // the entity the read path queried, when its key names it: `''` under `webhook:seen:{}` after an
    // order lookup is a dedup flag, and `user:{}` cached after a session lookup is about users
    const looked = [...scopeOf(file, op.call.fn)].flatMap((fn) => [...readsOf(file, fn)]);
    let entities = new Set(looked.filter((e) => shapeNamesEntity(shape, e)));
    // Pattern: const m = await this.members.findById(id) — the lookup is in a helper the read path calls
    const keyEntity = entityOfShape(shape);
    if (entities.size === 0 && keyEntity) entities = calleeEntities(ix, file, op, keyEntity);
    if (entities.size > 0) out.push({ op, shape, entities });
  }
  return out;
}


/** `this.usersRepo.findById(id)` where some project function `findById` reads the key's entity. */
function calleeEntities(ix: Index, file: LinkedFile, op: CacheOp, keyEntity: string): Set<string> {
  for (const c of new Set(file.facts.fns[op.call.fn - 1]?.calls ?? []))
    for (const f of ix.byName(c)) if (readsOf(f.file, f.fn).has(keyEntity)) return new Set([keyEntity]);
  return new Set();
}

/** A delete, or a write of a real value: what replaces a cached not-found marker. */
function isClearing(op: CacheOp): boolean {
  return op.kind === 'delete' || (op.kind === 'write' && !op.sentinel);
}

/** Whether a key of this shape is the marker's (a drifted one, `users:{}` for `user:{}`, is key-drift's finding, not a second one here). */
function reachesMarker(shape: string, s: Sentinel): boolean {
  return shapesMatch(shape, s.shape) || !!driftBetween(shape, s.shape);
}

/** An op of `file` in `scope` deletes the key or overwrites it with a real value (a computed key may well be it). */
function clearingOp(file: LinkedFile, scope: Set<number>, s: Sentinel): boolean {
  for (const op of file.ops) {
    if (!scope.has(op.call.fn) || op === s.op || !isClearing(op)) continue;
    const shape = op.key?.shape;
    if (!shape || reachesMarker(shape, s)) return true;
  }
  return false;
}

/**
 * A call named like an invalidation in the scope (`invalidateUser(id)`, `this.cacheService.del(key)`),
 * other than the cache ops already judged by their key above: `redis.del('cart:…')` or a wrapper's
 * `cacheDel('badges:all')` clears that key, not the marker.
 */
function clearingCallIn(file: LinkedFile, scope: Set<number>): boolean {
  const left = new Map<string, number>();
  for (const info of file.facts.fns)
    if (scope.has(info.id)) for (const c of info.calls) if (CLEARING_CALL.test(c)) left.set(c, (left.get(c) ?? 0) + 1);
  for (const op of file.ops) if (scope.has(op.call.fn) && left.has(op.call.method)) left.set(op.call.method, left.get(op.call.method)! - 1);
  return [...left.values()].some((n) => n > 0);
}

/**
 * Pattern: `await this.cacheUser(user)` — a helper the create calls writes the record (or deletes)
 * under the marker's key. Only known keys count here: a generic `set(key, value)` helper says nothing.
 */
function clearedByCallees(ix: Index, file: LinkedFile, scope: Set<number>, s: Sentinel): boolean {
  const names = new Set(file.facts.fns.filter((f) => scope.has(f.id)).flatMap((f) => f.calls));
  for (const n of names)
    for (const { file: other, value } of ix.clearersNamed(n)) {
      if (other === file.file && scope.has(value.fn)) continue;
      if (value.shapes.some((shape) => reachesMarker(shape, s))) return true;
    }
  return false;
}

/** Does the code around function `fn` of `file` clear the sentinel's key (or plausibly do so)? */
function clears(ix: Index, file: LinkedFile, fn: number, s: Sentinel, scope = scopeOf(file, fn)): boolean {
  return clearingOp(file, scope, s) || clearingCallIn(file, scope) || clearedByCallees(ix, file, scope, s);
}

/** Names a caller would call the code of `fn` by: its own and those of the named functions around it. */
function namesAround(file: LinkedFile, fn: number): string[] {
  const self = file.facts.fns[fn - 1];
  if (!self) return [];
  return file.facts.fns.filter((f) => f.name && f.name !== 'constructor' && contains(f, self)).map((f) => f.name!);
}

/** A function calling the create's code (up to CALLER_DEPTH levels up) clears the key. */
function clearedByCallers(ix: Index, names: string[], s: Sentinel, depth = 1, seen = new Set<string>()): boolean {
  for (const n of names) seen.add(n);
  const callers = names.flatMap((n) => ix.callersOf(n));
  for (const c of callers) {
    if (clears(ix, c.file, c.fn, s)) return true;
    if (depth < CALLER_DEPTH) {
      const up = namesAround(c.file, c.fn).filter((n) => !seen.has(n));
      if (up.length > 0 && clearedByCallers(ix, up, s, depth + 1, seen)) return true;
    }
  }
  return false;
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
    if (!project.ops.some((op) => op.sentinel)) return;
    const ix = buildIndex(project);
    const sentinels = sentinelWrites(ix);
    if (sentinels.length === 0) return;
    const cached = new Set(sentinels.flatMap((s) => [...s.entities]));
    for (const create of project.dbWrites) {
      // a create at module top level is a seed or migration script, run before anyone reads
      if (create.kind !== 'create' || !create.entity || create.fn === 0 || !cached.has(create.entity) || !ctx.wants(create.file)) continue;
      const file = project.files.get(create.file);
      // tests and seed scripts create records nobody has read yet
      if (!file || file.kind) continue;
      const scope = scopeOf(file, create.fn);
      for (const s of sentinels) {
        if (!s.entities.has(create.entity)) continue;
        // a get-or-create that writes the marker itself manages its own key
        if (s.op.file === file.file && scope.has(s.op.call.fn)) continue;
        if (clears(ix, file, create.fn, s, scope) || clearedByCallers(ix, namesAround(file, create.fn), s)) continue;
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
