// "Does the code around this database write clear that cache key?" — asked by
// negative-cache-on-create (a create must clear a cached not-found marker) and missing-invalidation
// (an update must delete the rows it changes from the cache). The answer looks at the write's own
// flow (its function, the functions around it and the callbacks in it), the helpers it calls, and
// its callers up to two levels (repository ← service ← controller), by name; a call named like an
// invalidation (`invalidateUser`, `evict`, `bust…Cache`) counts, since its key may not be visible.
import type { CallFact, FnFact } from '../facts/types';
import type { CacheModel } from '../model/cache-model';
import { storesOnlyMarker } from '../model/roles';
import type { CacheOp, LinkedFile, ProjectIndex } from '../rule';
import { fileIndex, type FileIndex } from './file-index';

/**
 * Calls that plausibly clear cache entries (`invalidateUser`, `evict`, `cache.reset`, `bustProductCache`,
 * `flushall`), but not MikroORM's `flush`/`persistAndFlush`, `clearTimeout`, `resetPassword` or `resetPwd`.
 */
export const CLEARING_CALL =
  // bare del/delete/unlink are not here: cache deletes are seen as ops (with their keys), and a
  // database `prisma.invite.delete(…)` must not count as an invalidation
  /invalidat|evict|purge|bust|uncache|forget|^flush(all|db)$|^(clear|reset|refresh)(?!(timeout|interval|immediate|tokens?|password|passwd|pwd|session|form|state|filters?|counters?))|(remove|delete|del|drop|clear).*cache|cache.*(del|remove|drop|clear)/i;

/** How many levels of callers may clear the key for the write (repository ← service ← controller). */
const CALLER_DEPTH = 2;

export interface Fn {
  file: LinkedFile;
  /** the function's id in its file */
  fn: number;
}

/** Whether a key shape (undefined: a key the analysis cannot spell) is the one asked about. */
export type Reaches = (shape: string | undefined) => boolean;

/** Project-wide lookups: functions by name and by the names they call, kept up to date per file. */
export interface ClearingIndex {
  project: ProjectIndex;
  byName(name: string): Fn[];
  callersOf(name: string): Fn[];
  /** functions named `name` that delete or overwrite keys (known shapes only), with those shapes */
  clearersNamed(name: string): readonly { file: string; value: { fn: number; shapes: string[] } }[];
  /** the files each file's code may reach (reachable()), memoised for one run */
  reach: Map<string, ReadonlySet<string> | 'any'>;
}

export function clearingIndex(project: ProjectIndex): ClearingIndex {
  // function ids: an edit that renames and calls nothing new leaves these entries as they were
  const byName = fileIndex<number>(project, 'clearing:fns-by-name', 'facts', (file, add) => {
    for (const info of file.facts.fns) if (info.name) add(info.name, info.id);
  });
  const callersOf = fileIndex<number>(project, 'clearing:fns-by-callee', 'facts', (file, add) => {
    for (const info of file.facts.fns) for (const c of new Set(info.calls)) add(c, info.id);
  });
  // Pattern: cacheUser(user) { … redis.set(`user:${user.id}`, …) } — functions that delete a key or
  // write a real value under it, by name, with the key shapes they do it with
  const clearers = fileIndex<{ fn: number; shapes: string[] }>(project, 'clearing:clearing-fns', 'links', (file, add) => {
    const shapes = new Map<number, string[]>();
    for (const op of file.ops) {
      if (!isClearing(op, project.model) || !op.key?.shape || op.call.fn === 0) continue;
      const list = shapes.get(op.call.fn);
      if (list) list.push(op.key.shape);
      else shapes.set(op.call.fn, [op.key.shape]);
    }
    for (const [fn, list] of shapes) {
      const name = file.facts.fns[fn - 1]?.name;
      if (name) add(name, { fn, shapes: list });
    }
  });
  // many writes ask about the same names within one run
  const lookup = (index: FileIndex<number>) => {
    const answers = new Map<string, Fn[]>();
    return (name: string): Fn[] => {
      let fns = answers.get(name);
      if (!fns) answers.set(name, (fns = index.get(name).map((h) => ({ file: project.files.get(h.file)!, fn: h.value }))));
      return fns;
    };
  };
  return { project, byName: lookup(byName), callersOf: lookup(callersOf), clearersNamed: (n) => clearers.get(n), reach: new Map() };
}

export function contains(outer: FnFact, inner: FnFact): boolean {
  return outer.span.start <= inner.span.start && outer.span.end >= inner.span.end;
}

/**
 * The functions whose code runs with `fn`: the outermost function around it (the service method a
 * `$transaction` callback is in) and every callback inside that (`.then(…)` after the transaction).
 */
export function scopeOf(file: LinkedFile, fn: number): Set<number> {
  const self = file.facts.fns[fn - 1];
  if (!self) return new Set([fn]);
  let outer = self;
  for (const f of file.facts.fns) if (contains(f, outer) && f.span.end - f.span.start > outer.span.end - outer.span.start) outer = f;
  return new Set(file.facts.fns.filter((f) => contains(outer, f)).map((f) => f.id));
}

/**
 * A delete, a write of a real value, or an emptying write (`set(k, '')` where the key is not read):
 * what replaces a cached entry. A read-through fill does not: it writes only after a miss (`findOne`
 * under `@Cacheable` returns the stale entry while it is there).
 */
export function isClearing(op: CacheOp, model: CacheModel): boolean {
  return op.kind === 'delete' || (op.kind === 'write' && (!!op.call.emptying || (!storesOnlyMarker(op) && !model.isFill(op))));
}

const judged = new WeakMap<readonly CacheOp[], ReadonlySet<CallFact>>();

/**
 * The calls of `file` judged by the cache ops recorded for them, with the caller's key: a wrapper's
 * call, or the factory call of a cache decorator (`@CacheEvict('user:', '{id}')`, whose ops carry the
 * bound key; inside, the factory's `${CACHE_NAME}*` is a parameter, no delete of every key). Built
 * once per file's ops: the clearing walks ask it for every call they pass.
 */
export function judgedCalls(file: LinkedFile): ReadonlySet<CallFact> {
  let set = judged.get(file.ops);
  if (set) return set;
  const out = new Set<CallFact>(file.ops.map((op) => op.call));
  const spans = file.ops.filter((op) => op.decorated).map((op) => op.call.span);
  if (spans.length > 0) for (const c of file.facts.calls) if (spans.some((s) => s.start <= c.span.start && c.span.end <= s.end)) out.add(c);
  judged.set(file.ops, (set = out));
  return set;
}

/** An op of `file` in `scope` deletes the key or overwrites it with a real value (a computed key may well be it). */
function clearingOp(model: CacheModel, file: LinkedFile, scope: Set<number>, reaches: Reaches, skip?: CacheOp): boolean {
  for (const op of file.ops) {
    if (!scope.has(op.call.fn) || op === skip || !isClearing(op, model)) continue;
    if (reaches(op.key?.shape)) return true;
  }
  return false;
}

/**
 * A call named like an invalidation in the scope (`invalidateUser(id)`, `this.cacheService.del(key)`),
 * other than the cache ops already judged by their key above: `redis.del('cart:…')` or a wrapper's
 * `cacheDel('badges:all')` clears that key, not the one asked about. A helper of the project is
 * judged by what it deletes, where that is seen (`helperClears`).
 */
function clearingCallIn(project: ProjectIndex, file: LinkedFile, scope: Set<number>, reaches: Reaches): boolean {
  const left = new Map<string, number>();
  for (const info of file.facts.fns)
    if (scope.has(info.id)) for (const c of info.calls) if (CLEARING_CALL.test(c)) left.set(c, (left.get(c) ?? 0) + 1);
  if (left.size === 0) return false;
  const opCalls = new Set<CallFact>();
  for (const op of file.ops) {
    opCalls.add(op.call);
    if (scope.has(op.call.fn) && left.has(op.call.method)) left.set(op.call.method, left.get(op.call.method)! - 1);
  }
  const byOps = judgedCalls(file);
  const recorded = new Set<string>();
  for (const call of file.facts.calls) {
    if (!scope.has(call.fn) || !left.get(call.method) || opCalls.has(call)) continue;
    // a decorator factory's call inside the decoration: its ops, counted above, judged it
    if (byOps.has(call)) {
      left.set(call.method, left.get(call.method)! - 1);
      continue;
    }
    recorded.add(call.method);
    const verdict = call.receiver.t === 'lib' || call.receiver.t === 'unknown' ? undefined : helperClears(project, project.callGraph.targetOf(file.file, call), reaches);
    if (verdict) return true;
    if (verdict === false) left.set(call.method, left.get(call.method)! - 1);
  }
  // Pattern: bustStatsCache() — a function of the file, or one it imports, called by its name
  for (const [name, n] of left) {
    if (n <= 0 || recorded.has(name)) continue;
    const verdict = helperClears(project, project.callGraph.functionNamed(file.file, name), reaches);
    if (verdict) return true;
    if (verdict === false) left.set(name, 0);
  }
  return [...left.values()].some((n) => n > 0);
}

/**
 * What a project helper named like an invalidation clears: the keys of its own deletes, when it
 * makes any; nothing when it clears TypeORM's query-result cache (`queryResultCache.remove(ids)`,
 * another store than the application's keys); undefined when its deletes are out of sight.
 */
function helperClears(project: ProjectIndex, t: { file: string; fn: FnFact } | undefined, reaches: Reaches): boolean | undefined {
  const target = t && project.files.get(t.file);
  if (!t || !target) return undefined;
  const inner = scopeOf(target, t.fn.id);
  const deletes = target.ops.filter((op) => inner.has(op.call.fn) && isClearing(op, project.model));
  if (deletes.length > 0) return deletes.some((op) => reaches(op.key?.shape));
  return /\bqueryResultCache\b/.test(target.text.slice(t.fn.span.start, t.fn.span.end)) ? false : undefined;
}

/**
 * Pattern: `await this.cacheUser(user)` — a helper the write calls writes the record (or deletes)
 * under the key. Only known keys count here: a generic `set(key, value)` helper says nothing.
 */
function clearedByCallees(ix: ClearingIndex, file: LinkedFile, scope: Set<number>, reaches: Reaches, skip?: ReadonlySet<string>): boolean {
  const names = new Set(file.facts.fns.filter((f) => scope.has(f.id)).flatMap((f) => f.calls));
  let r: ReadonlySet<string> | 'any' | undefined;
  let targets: Map<string, Set<string> | null> | undefined;
  for (const n of names)
    if (!skip?.has(n))
    for (const { file: other, value } of ix.clearersNamed(n)) {
      if (other === file.file && scope.has(value.fn)) continue;
      // Pattern: this.updateOnlineFlagUsecase.execute(…) beside a RemoveSubscriber whose `execute`
      // clears — where the graph follows every call of that name, only the functions it leads to count
      targets ??= resolvedCallees(ix.project, file, scope);
      const led = targets.get(n);
      if (led && !led.has(`${other}\0${value.fn}`)) continue;
      // Pattern: this.paymentRepository.create(…) is no call of PaymentController's `create`, in a file this one never imports
      r ??= reachable(ix, file);
      if (r !== 'any' && !r.has(other)) continue;
      if (value.shapes.some((shape) => reaches(shape))) return true;
    }
  return false;
}

/**
 * Per name called in `scope`: the functions (`file\0id`) its recorded calls lead to, when the call
 * graph follows every one of them; null when one is out of its sight.
 */
function resolvedCallees(project: ProjectIndex, file: LinkedFile, scope: Set<number>): Map<string, Set<string> | null> {
  const out = new Map<string, Set<string> | null>();
  for (const call of file.facts.calls) {
    if (!scope.has(call.fn) || call.receiver.t === 'lib' || call.receiver.t === 'unknown') continue;
    const t = project.callGraph.targetOf(file.file, call);
    const seen = out.get(call.method);
    if (seen === null) continue;
    if (!t) out.set(call.method, null);
    else if (seen) seen.add(`${t.file}\0${t.fn.id}`);
    else out.set(call.method, new Set([`${t.file}\0${t.fn.id}`]));
  }
  return out;
}

/** Does the code around function `fn` of `file` clear the key (or plausibly do so)? */
export function clears(
  ix: ClearingIndex,
  file: LinkedFile,
  fn: number,
  reaches: Reaches,
  opts: { scope?: Set<number>; skip?: CacheOp; /** call names that are no helper here (the write's own builder chain) */ skipNames?: ReadonlySet<string> } = {},
): boolean {
  const scope = opts.scope ?? scopeOf(file, fn);
  return clearingOp(ix.project.model, file, scope, reaches, opts.skip) || clearingCallIn(ix.project, file, scope, reaches) || clearedByCallees(ix, file, scope, reaches, opts.skipNames);
}

/** Names a caller would call the code of `fn` by: its own and those of the named functions around it. */
export function namesAround(file: LinkedFile, fn: number): string[] {
  const self = file.facts.fns[fn - 1];
  if (!self) return [];
  return file.facts.fns.filter((f) => f.name && f.name !== 'constructor' && contains(f, self)).map((f) => f.name!);
}

/**
 * A function calling the write's code (up to CALLER_DEPTH levels up) clears the key. Callers are
 * found by name; one whose calls of those names all lead elsewhere (`this.menus.remove(id)` is
 * MenuService's `remove`, not the written ConfigService's) is none, nor is a test or a script.
 */
export function clearedByCallers(ix: ClearingIndex, names: string[], reaches: Reaches, callee: Fn, depth = 1, seen = new Set<string>()): boolean {
  for (const n of names) seen.add(n);
  const callers = names.flatMap((n) => ix.callersOf(n));
  const called = new Set(names);
  for (const c of callers) {
    // a test calling the write path (and clearing its mocks' keys) is no flow of the product
    if (c.file.kind || callsElsewhere(ix.project, c, called, callee)) continue;
    // Pattern: if (suspicious) { await this.wallets.lock(id); throw … } — the caller's deletes further on never follow this call
    if (throwsAfterEach(ix.project.model, c.file, c.fn, called, reaches)) continue;
    if (clears(ix, c.file, c.fn, reaches)) return true;
    if (depth < CALLER_DEPTH) {
      const up = namesAround(c.file, c.fn).filter((n) => !seen.has(n));
      if (up.length > 0 && clearedByCallers(ix, up, reaches, c, depth + 1, seen)) return true;
    }
  }
  return false;
}

/** How many imports deep a helper of the write's flow may sit (a service, its cache class, that class's base). */
const REACH_DEPTH = 3;

/**
 * The files whose functions code in `file` may call: itself and what it imports, a few imports deep
 * (`UserService` → `CacheService` → `misc/cache.ts`). A controller's `create` is never among a
 * service's (`this.paymentRepository.create(…)` is no call of PaymentController's).
 */
function reachable(ix: ClearingIndex, file: LinkedFile): ReadonlySet<string> | 'any' {
  const known = ix.reach.get(file.file);
  if (known) return known;
  const out = new Set<string>([file.file]);
  let frontier = [file];
  let any = false;
  for (let d = 0; d < REACH_DEPTH && frontier.length > 0 && !any; d++) {
    const next: LinkedFile[] = [];
    for (const f of frontier) {
      const targets = importedFiles(ix.project, f);
      if (targets === 'any') any = true;
      else
        for (const to of targets) {
          if (out.has(to)) continue;
          out.add(to);
          const lf = ix.project.files.get(to);
          if (lf) next.push(lf);
        }
    }
    frontier = next;
  }
  const r = any ? 'any' : out;
  ix.reach.set(file.file, r);
  return r;
}

/**
 * The analysed files `from` imports, with what the barrels among them re-export, `levels` barrels
 * deep; `'any'` past a barrel the gate left unparsed.
 */
function importedFiles(project: ProjectIndex, from: LinkedFile, levels = 1): string[] | 'any' {
  const out: string[] = [];
  for (const m of new Set(from.facts.imports.map((i) => i.module))) {
    const target = project.modules.resolve(from.file, m);
    // no analysed file (a package, or a module the CLI's gate left unparsed: no cache code in it)
    if (target === undefined) continue;
    const barrel = project.files.get(target);
    // a barrel the gate left unparsed (no cache code in it) may re-export anything; other files do not
    if (!barrel) {
      if (/(^|\/)index\.[cm]?[jt]sx?$/.test(target)) return 'any';
      continue;
    }
    out.push(target);
    if (reexportedFiles(project, barrel, out, levels)) return 'any';
  }
  return out;
}

/** How many barrels deep a caller's import is followed (`@database` → `src/index.ts` → `lib/index.ts` → `lib/task.ts`). */
const CALLER_BARRELS = 3;

/**
 * Adds the files `barrel` re-exports, and theirs while `levels` lasts; true past a barrel the gate
 * left unparsed below the first level.
 */
function reexportedFiles(project: ProjectIndex, barrel: LinkedFile, out: string[], levels: number): boolean {
  for (const v of Object.values(barrel.facts.exports)) {
    if (v.t !== 'reexport') continue;
    const to = project.modules.resolve(barrel.file, v.ref.module);
    if (to === undefined || out.includes(to)) continue;
    out.push(to);
    if (levels <= 1) continue;
    const next = project.files.get(to);
    if (next ? reexportedFiles(project, next, out, levels - 1) : /(^|\/)index\.[cm]?[jt]sx?$/.test(to)) return true;
  }
  return false;
}

/**
 * Whether code in `from` can reach functions of `to` at all: the same file, a file it imports, or
 * one it imports through a barrel (`export * from './config.service'`): an `index` file the CLI's
 * gate left unparsed may be one. Packages and other unparsed modules lead nowhere in the project.
 */
function mayReach(project: ProjectIndex, from: LinkedFile, to: string): boolean {
  if (from.file === to) return true;
  // Pattern: import { mdTaskUpdate } from '@database' (its index re-exports lib/index.ts, which re-exports lib/task.ts)
  const targets = importedFiles(project, from, CALLER_BARRELS);
  return targets === 'any' || targets.includes(to);
}

/** Every call `c` makes by one of `names` resolves to a function outside `callee`'s code, or cannot reach it. */
function callsElsewhere(project: ProjectIndex, c: Fn, names: ReadonlySet<string>, callee: Fn): boolean {
  if (!mayReach(project, c.file, callee.file.file)) return true;
  let calleeScope: Set<number> | undefined;
  let resolved = false;
  // the callers index holds the function whose own code makes the call (a callback is its own entry)
  for (const call of c.file.facts.calls) {
    if (call.fn !== c.fn || !names.has(call.method)) continue;
    const t = project.callGraph.targetOf(c.file.file, call);
    // a call the graph cannot follow may well be one of the callee
    if (!t) return false;
    calleeScope ??= scopeOf(callee.file, callee.fn);
    if (t.file === callee.file.file && calleeScope.has(t.fn.id)) return false;
    resolved = true;
  }
  return resolved;
}

/**
 * Every call `fn` makes of one of `names` sits in a block a `throw` ends, and no op between the
 * call and the throw clears the key: the caller's deletes further on never follow those calls.
 */
function throwsAfterEach(model: CacheModel, file: LinkedFile, fn: number, names: ReadonlySet<string>, reaches: Reaches): boolean {
  const info = file.facts.fns[fn - 1];
  if (!info?.callsBeforeThrow) return false;
  const made = info.calls.filter((n) => names.has(n)).length;
  const before = info.callsBeforeThrow.filter((c) => names.has(c.name));
  if (made === 0 || before.length !== made) return false;
  return !before.some((c) => file.ops.some((op) => op.call.span.start >= c.from && op.call.span.end <= c.to && isClearing(op, model) && reaches(op.key?.shape)));
}
