// invalidate-before-commit: a cache delete inside an open transaction, or before the database
// write it invalidates. Docs: docs/rules/invalidate-before-commit.md
import { normaliseEntity } from '../facts/keys/entities';
import { entityOfShape, namesLinkSideOnly, namesWord, shapeNamesEntity } from '../facts/keys/shapes';
import type { CallFact, DbWrite, KeyPart, Span, TxFact } from '../facts/types';
import type { PriorWrite } from '../model/call-graph';
import type { CacheOp, LinkedFile, ProjectIndex, RaceNames, Related, Rule, RuleContext } from '../rule';
import { moveStatement } from './invalidate-before-commit.fix';
import { clearingIndex, namesAround, scopeOf } from './clearing';
import { fnOfOp, keyWords, named, readerOf, ttlOfKey, untilExpiry } from './timeline';
import { keyLabel, keyShape, lineOf, refillsShortLived, shortLived, shortPath, updatesNewRow, viaRelated } from './util';

/** Verbs that store a value under a key: a set inside a transaction caches what may not commit. */
const VALUE_WRITES = new Set(['set', 'setex', 'psetex', 'getset', 'hset', 'hmset', 'mset']);

/**
 * A comment on the call's line or the line above saying the early delete is meant: the first half
 * of a delayed double delete whose second half lives elsewhere, a delete before a write on purpose.
 */
const INTENDED = /double[- ]?delet|delete (it )?(again|twice)|intention|on purpose|deliberate|before (the )?(commit|write|update|save)|pre-?(delete|evict|invalidat)/i;

function intended(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const prevStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
  const eol = text.indexOf('\n', at);
  const lines = text.slice(prevStart, eol === -1 ? text.length : eol);
  return lines.split('\n').some((l) => {
    const c = /\/\/(.*)$|\/\*(.*?)(\*\/|$)/.exec(l);
    return !!c && INTENDED.test(c[1] ?? c[2] ?? '');
  });
}

/** The key as a shape (`'user:{}'`), else the builder that makes it (`the buildUserKey key`), else `a computed key`. */
function keyText(op: CacheOp): string {
  if (op.key?.shape && namesWord(op.key.shape)) return `'${op.key.shape}'`;
  const builder = builderNames(op).find((n) => /^(build|get|make|create|gen)[A-Z_]|Key$/i.test(n));
  if (builder) return `the ${builder} key`;
  // Pattern: `${this.prefix}:${key}` built inside apiKeyUtil.deleteCacheByKey(key): name the helper
  const method = op.wrapper && !op.wrapper.startsWith('function.') ? op.wrapper.slice(op.wrapper.lastIndexOf('.') + 1) : undefined;
  if (method) return `the ${method}() key`;
  return keyLabel(op);
}

/** `del`, `AppCache.evict`, `invalidate()`. */
function verbLabel(op: CacheOp): string {
  if (!op.wrapper) return op.verb;
  return op.wrapper.startsWith('function.') ? `${op.wrapper.slice('function.'.length)}()` : op.wrapper;
}

/** Two ops touch the same key: the same key text in one function, or the same shape with a word in it. */
function sameKey(a: CacheOp, b: CacheOp): boolean {
  if (a.call.key && b.call.key && a.call.key.text === b.call.key.text && a.file === b.file) return true;
  return !!a.key?.shape && a.key.shape === b.key?.shape && namesWord(a.key.shape);
}

/** Names of the key builders and constants the key was built with (`buildSubscriberKey`, `CacheKeys.user`). */
function builderNames(op: CacheOp): string[] {
  const out: string[] = [];
  const add = (parts: KeyPart[] | undefined) => {
    for (const p of parts ?? []) if ('ref' in p) out.push(p.ref.member?.[p.ref.member.length - 1] ?? p.ref.name);
  };
  const b = op.call.key?.builder;
  if (b) out.push(b.ref?.member?.[b.ref.member.length - 1] ?? b.ref?.name ?? b.local ?? '');
  add(op.call.key?.parts);
  for (const a of op.call.args) for (const pp of Object.values(a.propParts ?? {})) add(pp);
  return out.filter((n) => n && n !== 'default' && n !== '*');
}

/** `buildSubscriberKey` → `subscriber`, `userCacheKey` → `user`, `CacheKeys.product` → `product`. */
function builderEntity(name: string): string | undefined {
  const bare = name.replace(/^(build|get|make|create|gen|generate|compute|to)(?=[A-Z_])/, '').replace(/_?(Cache)?Keys?$|_?cache_?keys?$/i, '');
  return normaliseEntity(bare);
}

/** The delete comes after a write of the entity its key is named for, in its own flow. */
function followsOwnWrite(op: CacheOp, own: string, project: ProjectIndex): boolean {
  const writes = project.files.get(op.file)?.facts.dbWrites ?? [];
  return op.call.afterWrites.some((i) => writes[i]?.entity === own);
}

/** The key caches the written entity: its name says so, or its cached value is built from that entity's rows. */
function cachesEntity(op: CacheOp, entity: string, project: ProjectIndex): boolean {
  const shape = op.key?.shape;
  // (a key named for one side of a link table, `/user/{}` before an `application_user` write, is no cache of it)
  if (shape && shapeNamesEntity(shape, entity) && !namesLinkSideOnly(shape, entity, (e) => writtenEntities(project).has(e))) return true;
  const own = shape ? entityOfShape(shape) : undefined;
  // the aggregate that owns the written rows: `wishlist:{}` before a `wishlist_item` delete (unless the
  // delete already follows a write of the owner itself, which it is there for: `project.update(…);
  // del(`app:project:${id}`); projectSync.update(…)` records how the sync went)
  if (own && entity.startsWith(`${own}_`) && !followsOwnWrite(op, own, project)) return true;
  if (project.model.keyOf(op)?.writers.some((w) => w.valueEntities?.includes(entity))) return true;
  // Pattern: `hotels` filled from hotel.findMany({ include: { Room: { include: { RoomsUsers: true } } } }) and
  // deleted right before a rooms_users delete: the key holds those rows too
  if (project.model.keyOf(op)?.writers.some((w) => w.valueIncludes?.includes(entity))) return true;
  return builderNames(op).some((n) => builderEntity(n) === entity);
}

/** A later delete or set of the key, after the commit: the early delete is then only the first half. */
function coveredAfterTx(op: CacheOp, tx: TxFact, file: LinkedFile): boolean {
  const outer = tx.outerFn > 0 ? file.facts.fns[tx.outerFn - 1]?.span : undefined;
  return file.ops.some(
    (o) =>
      o !== op &&
      (o.kind === 'delete' || o.kind === 'write') &&
      o.call.tx !== op.call.tx &&
      o.call.span.start > op.call.span.start &&
      (!outer || (o.call.span.start >= outer.start && o.call.span.end <= outer.end)) &&
      sameKey(o, op),
  );
}

/**
 * Pattern: createInvoice(t, dto) { …; await cache.invalidatePattern(`invoices:${t}:*`); await qr.commitTransaction() }
 * with every caller deleting `invoices:${t}:*` again once it returns — the early delete is the
 * first half of a delayed double delete whose second half is in the callers (tests do not count).
 */
function coveredByCallers(op: CacheOp, file: LinkedFile, project: ProjectIndex): boolean {
  if (!op.key?.shape || !namesWord(op.key.shape)) return false;
  const names = namesAround(file, op.call.fn);
  if (names.length === 0) return false;
  const ix = clearingIndex(project);
  // the function's own code calling another of that name (`this.catalog.rename(…)` in `rename`) is no caller
  const own = scopeOf(file, op.call.fn);
  const callers = names.flatMap((n) => ix.callersOf(n).map((c) => ({ ...c, name: n }))).filter((c) => !c.file.kind && !(c.file === file && own.has(c.fn)));
  if (callers.length === 0) return false;
  const covered = callers.every((c) => {
    const span = c.file.facts.fns[c.fn - 1]?.span;
    const at = span ? c.file.text.indexOf(`${c.name}(`, span.start) : -1;
    if (!span || at < 0 || at > span.end) return false;
    const scope = scopeOf(c.file, c.fn);
    // the call of the function itself is a delete too (its delete, seen through it): not a second one
    const itself = (o: CacheOp) => o === op || (o.via?.file === op.file && o.via.callId === op.call.id);
    return c.file.ops.some((o) => !itself(o) && (o.kind === 'delete' || o.kind === 'write') && scope.has(o.call.fn) && o.call.span.start > at && o.key?.shape === op.key!.shape);
  });
  // a file the CLI's gate left unparsed (no cache code in it: `albumService.delete(id)` in a controller) may call it too
  return covered && !names.some((n) => calledInUnparsed(project, n));
}

const unparsedCalls = new WeakMap<ReadonlyMap<string, string>, Map<string, boolean>>();

/** Some file the gate left unparsed calls a method of this name (`.name(`); asked once per set of texts. */
function calledInUnparsed(project: ProjectIndex, name: string): boolean {
  let byName = unparsedCalls.get(project.unparsed);
  if (!byName) unparsedCalls.set(project.unparsed, (byName = new Map()));
  let v = byName.get(name);
  if (v === undefined) {
    v = false;
    for (const text of project.unparsed.values()) if (text.includes(`.${name}(`)) { v = true; break; }
    byName.set(name, v);
  }
  return v;
}

/** The database writes inside a transaction: its own, and those of project functions called in it. */
function writesIn(tx: TxFact, file: LinkedFile, project: ProjectIndex, from = tx.span.start): DbWrite[] {
  const inside = (s: Span) => s.start >= from && s.start < tx.span.end;
  const out = file.facts.dbWrites.filter((w) => inside(w.span));
  // Pattern: await this.users.update(id, dto, manager) inside the callback
  for (const c of file.facts.calls) {
    if (!inside(c.span) || c.receiver.t === 'lib' || c.receiver.t === 'unknown') continue;
    const t = project.callGraph.targetOf(file.file, c);
    if (t) for (const w of project.callGraph.writesOf(t.file, t.fn, 3)) out.push(w.write);
  }
  return out;
}

/** The entities the project's code writes (a link table's sides are among them). */
const entitiesWritten = new WeakMap<ProjectIndex, ReadonlySet<string>>();
function writtenEntities(project: ProjectIndex): ReadonlySet<string> {
  let out = entitiesWritten.get(project);
  if (!out) entitiesWritten.set(project, (out = new Set([...project.files.values()].flatMap((f) => f.facts.dbWrites.flatMap((w) => w.entity ?? [])))));
  return out;
}

/** Whether some code of the project opens a database transaction (hooks then may run inside one). */
const opensTransactions = new WeakMap<ProjectIndex, boolean>();
function usesTransactions(project: ProjectIndex): boolean {
  let any = opensTransactions.get(project);
  if (any === undefined) opensTransactions.set(project, (any = [...project.files.values()].some((f) => (f.facts.txs ?? []).some((t) => !t.hook))));
  return any;
}

/** Says it invalidates a cache: `invalidateDocumentIds`, `evictUser`, `bustCache`. */
const INVALIDATOR = /invalidat|evict|bust|purge|clear_?cache|flush_?cache/i;

/**
 * The cache deletes an ORM hook makes: its own, and those of the project functions it calls
 * (`await Document.invalidateMembershipDocumentIds([m.userId])`), reported at the hook's call. The
 * key must be a cache, or the code deleting it must say it invalidates one.
 */
function hookDeletes(txIndex: number, file: LinkedFile, project: ProjectIndex): { span: Span; verb: string; op: CacheOp }[] {
  const tx = file.facts.txs![txIndex];
  const { model } = project;
  const named = (fnName: string | undefined) => !!fnName && INVALIDATOR.test(fnName);
  const fnName = (f: LinkedFile, id: number) => f.facts.fns[id - 1]?.name;
  const out: { span: Span; verb: string; op: CacheOp }[] = [];
  const hookName = tx.fn !== undefined ? fnName(file, tx.fn) : undefined;
  for (const op of file.ops) {
    // run by the hook itself, not in a function handed to `transaction.afterCommit(invalidate)`
    if (op.forwarded || op.kind !== 'delete' || op.call.tx !== txIndex || intended(file.text, op.call.span.start)) continue;
    const role = model.roleOf(op);
    if (role === 'cache' || (role === 'unknown' && named(hookName))) out.push({ span: op.call.span, verb: verbLabel(op), op });
  }
  for (const call of file.facts.calls) {
    if (call.tx !== txIndex || call.receiver.t === 'lib' || call.receiver.t === 'unknown') continue;
    if (file.ops.some((o) => o.call === call)) continue;
    const op = deleteCalled(project, file.file, call, named(hookName) ? hookName : undefined, 2);
    if (op && !intended(file.text, call.span.start)) out.push({ span: call.span, verb: `${call.method}()`, op });
  }
  return out;
}

/**
 * A cache delete the project function `call` runs makes, following its own project calls
 * `depth` levels (`model.invalidateDocumentIds()` → `Document.invalidateMembershipDocumentIds(…)`).
 * A key of unknown role counts when a function on the way is named for an invalidation.
 */
function deleteCalled(project: ProjectIndex, from: string, call: CallFact, namedBy: string | undefined, depth: number): CacheOp | undefined {
  const t = project.callGraph.targetOf(from, call);
  const target = t && project.files.get(t.file);
  if (!t || !target) return undefined;
  const body = t.fn.span;
  const inBody = (sp: Span) => sp.start >= body.start && sp.end <= body.end;
  const by = namedBy ?? (t.fn.name && INVALIDATOR.test(t.fn.name) ? t.fn.name : undefined);
  const role = (o: CacheOp) => project.model.roleOf(o);
  const op = target.ops.find((o) => !o.forwarded && o.kind === 'delete' && inBody(o.call.span) && (role(o) === 'cache' || (role(o) === 'unknown' && !!by)));
  if (op || depth <= 1) return op;
  for (const c of target.facts.calls) {
    if (!inBody(c.span) || c.receiver.t === 'lib' || c.receiver.t === 'unknown' || target.ops.some((o) => o.call === c)) continue;
    const inner = deleteCalled(project, t.file, c, by, depth - 1);
    if (inner) return inner;
  }
  return undefined;
}

/** A related write the delete runs before, and where the delete's statement could move after it. */
interface Later {
  write: DbWrite;
  /** the file the write is in */
  file: string;
  /** where it shows in the delete's file: the write, or the call that leads to it */
  anchor: Span;
  label: string;
  moveTo?: number;
  /** the entity written: the write's, or the repository's a generic base class writes for */
  entity?: string;
  /** the write's index in the delete's file, or the id of the call leading to it */
  local?: number;
  callId?: number;
}

/** A delete or set of the key after the write in the same flow: it clears what the early delete let in. */
function coveredAfterWrite(op: CacheOp, w: Later, file: LinkedFile): boolean {
  return file.ops.some(
    (o) =>
      o !== op &&
      (o.kind === 'delete' || o.kind === 'write') &&
      sameKey(o, op) &&
      ((w.local !== undefined && o.call.afterWrites.includes(w.local)) || (w.callId !== undefined && !!o.call.afterCalls?.includes(w.callId))),
  );
}

/**
 * Pattern: remove.user(u); await query.user.update(u, { apikey }) with update() deleting the user's
 * keys itself once its transaction is done — the called function's own delete after its write
 * makes the early one the first half of a delayed double delete.
 */
function coveredInCallee(op: CacheOp, w: Later, project: ProjectIndex): boolean {
  if (w.callId === undefined) return false;
  const target = project.files.get(w.file);
  const index = target ? target.facts.dbWrites.indexOf(w.write) : -1;
  return index >= 0 && target!.ops.some((o) => (o.kind === 'delete' || o.kind === 'write') && sameKey(o, op) && o.call.afterWrites.includes(index));
}

/** An entity named for a type parameter (`T_DBModel`, `TEntity`): the write of a generic base repository. */
function genericEntity(entity: string | undefined): boolean {
  return !entity || /^t(_|$)|^t?_?(entity|model|document|doc|record|schema)$/.test(entity);
}

/**
 * What a call into a generic base repository writes, read from its receiver: `this.subscriberRepository
 * .updateOne(…)` writes subscribers, whatever the base class calls its model.
 */
function repositoryEntity(file: LinkedFile, callId: number): string | undefined {
  const call = file.facts.calls[callId];
  if (!call) return undefined;
  const recv = file.text.slice(call.receiverSpan.start, call.receiverSpan.end);
  const m = /(?:^|\.)([A-Za-z]+?)_?(Repository|Repo|Dao)$/i.exec(recv);
  return m ? normaliseEntity(m[1]) : undefined;
}

/** A write of the delete's own file, by its index. */
function ownLater(file: LinkedFile, i: number, moveTo?: number): Later {
  const w = file.facts.dbWrites[i];
  return { write: w, file: file.file, anchor: w.span, label: w.label, moveTo, local: i, entity: w.entity };
}

/** A write inside a project function the delete's file calls, shown at that call. */
function calledLater(file: LinkedFile, p: PriorWrite, moveTo?: number): Later {
  return {
    write: p.write, file: p.file, anchor: p.callSpan, label: `${p.callLabel} → ${p.write.label}`, moveTo, callId: p.callId,
    entity: genericEntity(p.write.entity) ? repositoryEntity(file, p.callId) : p.write.entity,
  };
}

function laterWrites(op: CacheOp, file: LinkedFile, project: ProjectIndex): Later[] {
  // an update of a row this function has just created invalidates nothing a reader could hold
  const own = (op.call.beforeWrites ?? []).filter(({ i }) => !updatesNewRow(file.facts.dbWrites[i], file.facts.dbWrites)).map(({ i, moveTo }) => ownLater(file, i, moveTo));
  const moves = new Map((op.call.beforeCalls ?? []).map((l) => [l.i, l.moveTo]));
  // Pattern: await this.cache.evict(id); await this.users.update(id, dto) (the write is in a called function)
  const called = project.callGraph.laterWritesOf(op).map((p) => calledLater(file, p, moves.get(p.callId)));
  return [...own, ...called].sort((a, b) => a.anchor.start - b.anchor.start);
}

/** The delete is meant for this write: it changes (not only creates) rows of an entity the key caches. */
function invalidatedBy(op: CacheOp, write: DbWrite, entity: string | undefined, project: ProjectIndex): boolean {
  return !!entity && (write.kind !== 'create' || !!write.upsert) && cachesEntity(op, entity, project);
}

/** The database writes run in the same `Promise.all` as the op: its own, and those of the project functions called there. */
function alongsideWrites(op: CacheOp, file: LinkedFile, project: ProjectIndex): Later[] {
  const calls = new Set(op.call.alongsideCalls ?? []);
  const called = calls.size === 0 ? [] : project.callGraph.priorWritesOf(op).filter((p) => calls.has(p.callId));
  return [...(op.call.alongside ?? []).map((i) => ownLater(file, i)), ...called.map((p) => calledLater(file, p))];
}

/** The names a finding's timeline uses: the key, its read path, the writer, the write or transaction. */
function raceOf(project: ProjectIndex, op: CacheOp, dbWrite: string): RaceNames {
  const key = project.model.keyOf(op);
  return { key: keyShape(op), reader: readerOf(project, key), writer: fnOfOp(project, op), dbWrite, ...ttlOfKey(key) };
}

/**
 * A decorated method whose decorator deletes the key before running it: the method's own writes
 * (and those of what it calls) of an entity the key caches come after the delete. Reported on the
 * decoration, where the method is chosen (the wrapper's delete is reported too, once: reportDecorators);
 * no fix: the decorator's order serves every method it decorates.
 */
function reportDecorated(op: CacheOp, file: LinkedFile, ctx: RuleContext<'deleteBeforeWrite'>): void {
  const fn = file.facts.fns[op.call.fn - 1];
  if (!fn) return;
  // Pattern: a decorator deleting before and again after the method (a delayed double delete)
  if (file.ops.some((o) => o !== op && o.call.id === op.call.id && o.kind === 'delete' && o.decorated?.original === 'after' && sameKey(o, op))) return;
  const writes = ctx.project.callGraph
    .writesOf(file.file, fn, 3)
    .filter((w) => invalidatedBy(op, w.write, w.write.entity, ctx.project));
  const first = writes[0];
  if (!first) return;
  const verb = verbLabel(op);
  ctx.report({
    file: file.file,
    span: op.call.span,
    messageId: 'deleteBeforeWrite',
    data: { verb, key: keyText(op), write: first.write.label, line: first.file === file.file ? lineOf(file.text, first.write.span.start) : `${lineOf(ctx.project.files.get(first.file)?.text ?? '', first.write.span.start)} of ${shortPath(first.file)}` },
    race: raceOf(ctx.project, op, first.write.label),
    related: [
      { file: first.file, span: first.write.span, message: `Database write the method makes after ${verb} deleted the key (${first.write.label})` },
      ...viaRelated(ctx.project, op, `Where ${verb} deletes the key, before calling the method`),
    ],
    suggestions: [],
  });
}

/** How many decorated methods a decorator's finding names in its related information. */
const MAX_DECORATED = 5;

/**
 * A cache decorator of the project whose wrapper deletes the key before calling the method it
 * decorates, on methods that write an entity the key caches (themselves or through what they
 * call): the writes commit after the delete. Reported once on the wrapper's delete, where the
 * order is chosen for every method it decorates (each racing decoration is related information),
 * besides each decoration (reportDecorated). No fix: moving the delete changes every decorated method.
 */
function reportDecorators(project: ProjectIndex, ctx: RuleContext<'deleteBeforeMethod'>): void {
  const groups = new Map<string, { op: CacheOp; write: { file: string; write: DbWrite } }[]>();
  for (const op of project.ops) {
    if (op.kind !== 'delete' || op.decorated?.original !== 'before' || !op.via || op.forwarded) continue;
    const file = project.files.get(op.file);
    const fn = file?.facts.fns[op.call.fn - 1];
    if (!file || !fn || file.kind || project.model.roleOf(op) !== 'cache') continue;
    // Pattern: a decorator deleting before and again after the method (a delayed double delete)
    if (file.ops.some((o) => o !== op && o.call.id === op.call.id && o.kind === 'delete' && o.decorated?.original === 'after' && sameKey(o, op))) continue;
    const write = project.callGraph
      .writesOf(file.file, fn, 3)
      .find((w) => invalidatedBy(op, w.write, w.write.entity, project));
    if (!write) continue;
    const id = `${op.via.file}\0${op.via.callId}`;
    groups.set(id, [...(groups.get(id) ?? []), { op, write }]);
  }
  for (const uses of groups.values()) {
    const { op, write } = uses[0];
    const site = project.files.get(op.via!.file);
    const inner = site?.facts.calls[op.via!.callId];
    if (!site || !inner || !ctx.wants(site.file) || intended(site.text, inner.span.start)) continue;
    const method = fnOfOp(project, op) ?? 'the method';
    const writeFile = project.files.get(write.file);
    ctx.report({
      file: site.file,
      span: inner.span,
      messageId: 'deleteBeforeMethod',
      data: {
        decorator: op.wrapper ?? `@${op.decorated!.name}`,
        method,
        write: write.write.label,
        where: `${shortPath(write.file)}:${lineOf(writeFile?.text ?? '', write.write.span.start)}`,
        others: uses.length > 1 ? ` (and ${uses.length - 1} more decorated method${uses.length > 2 ? 's' : ''})` : '',
      },
      race: raceOf(project, op, write.write.label),
      related: uses.slice(0, MAX_DECORATED).map((u) => ({
        file: u.op.file,
        span: u.op.call.span,
        message: `${u.op.wrapper ?? 'The decoration'} on ${fnOfOp(project, u.op) ?? 'a method'}: ${u.write.write.label} commits after the delete`,
      })),
      suggestions: [],
    });
  }
}

export const invalidateBeforeCommit: Rule<'deleteInTransaction' | 'setInTransaction' | 'deleteBeforeWrite' | 'deleteAlongsideWrite' | 'deleteInHook' | 'deleteBeforeMethod'> = {
  meta: {
    id: 'invalidate-before-commit',
    description: 'Require cache invalidations to run after the database commit.',
    severity: 'warning',
    fix: 'suggestion',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      deleteInTransaction: '{{key}} is deleted inside the transaction on line {{line}}: move it after the commit',
      setInTransaction: '{{key}} is set inside the transaction on line {{line}}: delete it after the commit',
      deleteBeforeWrite: '{{key}} is deleted before the database write on line {{line}}: move it after the write',
      deleteAlongsideWrite: '{{key}} is deleted alongside the write on line {{line}}: delete it after the write',
      deleteInHook: '{{key}} is deleted in the {{hook}} hook, before the commit: delete it after the commit',
      deleteBeforeMethod: '{{decorator}} deletes the key before the method it decorates writes: delete it after the method',
    },
    details: {
      deleteInTransaction:
        'The {{verb}} runs while {{tx}} is still open: a reader that misses now loads the old, still committed row and caches it again, and it stays until the TTL.',
      setInTransaction:
        'The {{verb}} runs while {{tx}} is still open: the cache holds a value the database may still roll back, and a reader that misses later may cache the old row over it.',
      deleteBeforeWrite:
        'The {{verb}} runs before {{write}}: a reader that misses in between loads the old row and caches it again, and it stays until the TTL.',
      deleteAlongsideWrite:
        'The {{verb}} runs concurrently with {{write}} (one Promise.all), so it usually finishes first: a reader that misses in between loads the old row and caches it again, and it stays until the TTL.',
      deleteInHook:
        'The {{hook}} hook runs inside the write\'s transaction, before the commit: a reader that misses in between caches the old row again. An afterCommit hook runs after the commit.',
      deleteBeforeMethod:
        '{{decorator}} deletes the key and then calls the method: {{method}} runs {{write}} ({{where}}) after the delete{{others}}. A reader that misses in between loads the old row and caches it again, and it stays until the TTL.',
    },
    help: 'A read between the delete and the commit reloads the old row and caches it again until the TTL: delete the key after the commit (a delete before it on purpose needs a second one after it).',
  },
  // docs/rules/invalidate-before-commit.md: a reader refills the key between the delete and the commit
  timeline(messageId, race) {
    const key = keyWords(race.key);
    const reader = { actor: 'reader', text: `${named(race.reader, 'a reader')} misses ${key}, loads the committed row v1 and caches it` };
    const stale = untilExpiry(race);
    if (messageId === 'deleteBeforeWrite' || messageId === 'deleteBeforeMethod' || messageId === 'deleteAlongsideWrite')
      return {
        steps: [{ actor: 'writer', text: `${named(race.writer, 'a write path')} deletes ${key}` }, reader, { actor: 'writer', text: `${named(race.dbWrite, 'the database write')} commits v2` }],
        outcome: `${key} holds v1, stale ${stale}`,
      };
    const opened = messageId === 'deleteInHook' ? `${named(race.dbWrite, 'the write')} runs; its hook` : `${named(race.writer, 'a write path')} writes v2 in ${named(race.dbWrite, 'a transaction')} and`;
    return {
      steps: [
        { actor: 'writer', text: `${opened} ${messageId === 'setInTransaction' ? 'sets' : 'deletes'} ${key} before the commit` },
        reader,
        { actor: 'writer', text: 'the transaction commits v2' },
      ],
      outcome: `${key} holds v1, stale ${stale}`,
    };
  },
  checkFile(file: LinkedFile, ctx) {
    if (file.kind) return;
    const txs = file.facts.txs ?? [];
    for (let i = 0; i < txs.length; i++) {
      const tx = txs[i];
      // Sequelize runs a hook inside the write's transaction only when the write was given one
      if (!tx.hook || (tx.via === 'sequelize' && !usesTransactions(ctx.project))) continue;
      for (const d of hookDeletes(i, file, ctx.project))
        ctx.report({
          file: file.file,
          span: d.span,
          messageId: 'deleteInHook',
          data: { verb: d.verb, key: keyText(d.op), hook: tx.hook },
          race: raceOf(ctx.project, d.op, tx.hook),
          related: [
            { file: file.file, span: tx.span, message: `Hook ${tx.hook}: it runs after the write, inside its transaction` },
            ...(d.op.file !== file.file ? [{ file: d.op.file, span: d.op.call.span, message: `Where ${d.verb} deletes the key` }] : []),
          ],
          suggestions: [],
        });
    }
    const { model, callGraph } = ctx.project;
    for (const op of file.ops) {
      if (op.forwarded) continue;
      const del = op.kind === 'delete';
      if (!del && !(op.kind === 'write' && VALUE_WRITES.has(op.verb) && !op.nx)) continue;
      // only caches go stale: a lock taken before a write, a counter, a queue, a key of unknown use stay quiet
      if (model.roleOf(op) !== 'cache') continue;
      // a refill lasts a second or two: no longer than a read racing the write
      const key = model.keyOf(op);
      if (shortLived(key) || (op.kind === 'delete' && refillsShortLived(key, (w) => model.isFill(w)))) continue;
      if (intended(file.text, op.call.span.start)) continue;
      const tx = op.call.tx !== undefined ? txs[op.call.tx] : undefined;
      const via = viaRelated(ctx.project, op, `Where ${op.wrapper} ${del ? 'deletes' : 'sets'} the key`);
      const data = { verb: verbLabel(op), key: keyText(op) };
      // ORM hooks are judged below, with the deletes of the helpers they call
      if (tx?.hook) continue;
      if (tx) {
        // a set after a write of the transaction is set-after-commit's: that rule swaps it for a delete
        if (!del && (op.call.afterWrites.length > 0 || callGraph.priorWritesOf(op).length > 0)) continue;
        // a transaction that writes nothing the key caches (that we can see) holds back no change to race with
        const writes = writesIn(tx, file, ctx.project, del ? tx.span.start : op.call.span.end);
        if (!writes.some((w) => !!w.entity && cachesEntity(op, w.entity, ctx.project))) continue;
        if (del && (coveredAfterTx(op, tx, file) || coveredByCallers(op, file, ctx.project))) continue;
        const fix = op.call.txExit ? moveStatement(op, file.text, op.call.txExit.at, op.call.txExit.indent, `Move the ${data.verb} after the transaction commits`) : undefined;
        ctx.report({
          file: file.file,
          span: op.call.span,
          messageId: del ? 'deleteInTransaction' : 'setInTransaction',
          data: { ...data, tx: tx.label, line: lineOf(file.text, tx.span.start) },
          race: raceOf(ctx.project, op, tx.label),
          related: [{ file: file.file, span: tx.span, message: `Transaction the cache call runs inside (${tx.label})` }, ...via],
          suggestions: fix ? [fix] : [],
        });
        continue;
      }
      if (!del) continue;
      // Pattern: @CacheEvict('product:{0}') whose wrapper deletes, then calls the method that writes
      if (op.decorated) {
        if (op.decorated.original === 'before') reportDecorated(op, file, ctx);
        continue;
      }
      // Pattern: await Promise.all([this.apiKeys.update(id, dto), this.apiKeyCache.del(key)]) — no order at all
      const together = alongsideWrites(op, file, ctx.project).filter((w) => invalidatedBy(op, w.write, w.entity, ctx.project));
      if (together.length > 0 && !together.some((w) => coveredInCallee(op, w, ctx.project))) {
        const first = together[0];
        ctx.report({
          file: file.file,
          span: op.call.span,
          messageId: 'deleteAlongsideWrite',
          data: { ...data, write: first.label, line: lineOf(file.text, first.anchor.start) },
          race: raceOf(ctx.project, op, first.label),
          related: [
            { file: file.file, span: first.anchor, message: `Database write this delete runs concurrently with (${first.label})` },
            ...(first.file !== file.file || first.anchor !== first.write.span ? [{ file: first.file, span: first.write.span, message: `The write itself (${first.write.label})` } as Related] : []),
            ...via,
          ],
          suggestions: [],
        });
        continue;
      }
      const related = laterWrites(op, file, ctx.project).filter((w) => invalidatedBy(op, w.write, w.entity, ctx.project));
      if (related.length === 0 || related.some((w) => coveredAfterWrite(op, w, file) || coveredInCallee(op, w, ctx.project))) continue;
      if (del && coveredByCallers(op, file, ctx.project)) continue;
      const first = related[0];
      const last = related[related.length - 1];
      const fix = last.moveTo !== undefined && op.call.stmt ? moveStatement(op, file.text, last.moveTo, op.call.stmt.indent, `Move the ${data.verb} after the write`) : undefined;
      ctx.report({
        file: file.file,
        span: op.call.span,
        messageId: 'deleteBeforeWrite',
        data: { ...data, write: first.label, line: lineOf(file.text, first.anchor.start) },
        race: raceOf(ctx.project, op, first.label),
        related: [
          { file: file.file, span: first.anchor, message: `Database write this delete runs before (${first.label})` },
          ...(first.file !== file.file || first.anchor !== first.write.span ? [{ file: first.file, span: first.write.span, message: `The write itself (${first.write.label})` } as Related] : []),
          ...via,
        ],
        suggestions: fix ? [fix] : [],
      });
    }
  },
  checkProject(project, ctx) {
    reportDecorators(project, ctx);
  },
};
