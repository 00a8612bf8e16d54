// write-from-cache: a database write whose data was read from the cache in the same flow; a stale
// entry's fields get committed. Docs: docs/rules/write-from-cache.md
import { judgedWrites } from './judged';
import { isAppend } from '../facts/cache/verbs';
import { shapeNamesEntity } from '../facts/keys/shapes';
import type { ArgFact, CallFact, DbWrite, Span } from '../facts/types';
import { keyInfoOf } from '../model/key-info';
import { keptInPlace } from '../model/live-state';
import { MARKER_WORDS, SCRATCH_WORDS, STATE_WORDS } from '../model/roles';
import type { CacheOp, LinkedFile, ProjectIndex, Related, Rule } from '../rule';
import type { KeyModel } from '../model/cache-model';
import { filledWith } from '../model/entity-caches';
import { fnName, fnOfOp, keyWords, named } from './timeline';
import { keyLabel, keyShape, shortLived, versionedKey, viaRelated } from './util';
import { isRowIdName, nameWords } from '../facts/keys/entities';

/** Words of requests and drafts staged in Redis until a confirmation commits them. */
const STAGING_WORDS = /(^|[^a-z])(request|requests|pending|invite|invites|invitation|confirm|confirmation|reset|draft|drafts|change|staged|signup|onboarding|wizard|upload|uploads)([^a-z]|$)/i;

/**
 * Entities of append-only records: a new notification, event, log or audit row records what was
 * seen when it was written (an order's code, a limit decision made on cached usage; an `ai_usage` row of
 * a request served from the cache), not state a
 * stale copy could overwrite.
 */
const RECORD_ENTITY = /(^|_)(event|events|log|logs|audit|audits|notification|notifications|history|histories|activity|activities)$|_(usage|usages|metric|metrics)$/;

/**
 * A write of an append-only record: a new row (a `save()` of one is a create too), or an update
 * completing one (a request's log row given the price worked out from a cached gateway's rates),
 * unless the cached key holds that record itself.
 */
function isRecordWrite(w: DbWrite, key: KeyModel | undefined): boolean {
  if (!w.entity || !RECORD_ENTITY.test(w.entity)) return false;
  if (w.kind !== 'update' || /(^|\.)save$/.test(w.label)) return true;
  return !!key && !(key.shape && shapeNamesEntity(key.shape, w.entity)) && !filledWith(key, w.entity);
}

/** Libraries that are caches by nature. */
const CACHE_LIBS = new Set(['cache-manager', 'keyv', 'lru-cache', 'node-cache', 'mnemonist', 'memory-cache', 'bentocache']);

/**
 * Whether the read is of a cache whose entries may be stale copies of rows: a key with the cache
 * role, or one no use contradicts that holds copies of rows (filled from the database, in a cache
 * library or a project cache service, or named for the entity the write updates). Sessions, tokens,
 * locks, counters, queues, job state and Redis kept as the primary store (a cart, a draft) are not.
 */
function cacheLike(project: ProjectIndex, file: LinkedFile, op: CacheOp, w: DbWrite): boolean {
  const model = project.model;
  const key = model.keyOf(op);
  const ops = key ? [...key.readers, ...key.writers, ...key.deleters, ...key.expirers, ...key.others] : [op];
  if (ops.some((o) => o.use)) return false;
  // Pattern: wrapRedis(key, load) with a one-second TTL: the copy is no older than a read a moment ago
  if (shortLived(key)) return false;
  // Pattern: canvas-state:{canvasId}:{version} — a version's content never changes: its copy is never stale
  if (versionedKey(key)) return false;
  // Pattern: moves change the game in Redis; its end writes the game to the database
  if (key && keptInPlace(key, project)) return false;
  const shape = op.key?.shape ?? key?.shape;
  if (shape && (STATE_WORDS.test(shape) || MARKER_WORDS.test(shape) || SCRATCH_WORDS.test(shape))) return false;
  // Pattern: lPush(`blocked:${userId}`, entry) on each event, the list copied into a record later —
  // the application collects its own data there (a log, a buffer): no copy of rows to go stale
  if (key?.writers.some((x) => isAppend(x.verb) && x.valueSrc !== 'db' && x.valueSrc !== 'http')) return false;
  // Pattern: plexCache.set(k, (await (await fetch(url)).json()).user) — an API's answer kept a few
  // minutes, or cache.set(`fireEngineMap:${url}`, await fireEngineMap(url)) whose function reads no
  // table (a search engine's results, a value derived from a secret): a row saved from it mirrors
  // its source, no older copy of the database's own row written back
  if (key && key.writers.length > 0 && !key.writers.some((x) => holdsRows(x, project)) && !key.readers.some((r) => r.fallback === 'db')) return false;
  const role = model.roleOf(op);
  if (role === 'cache') return true;
  // a replica (rows kept in Redis, read as they are) is a copy of rows as well; markers and job state are not
  if (role === 'not-cache' && key?.kind !== 'replica') return false;
  if (shape && STAGING_WORDS.test(shape)) return false;
  if (key?.writers.some((x) => x.valueSrc === 'db' || x.valueSrc === 'http')) return true;
  // written only with what requests hand in (`email-change-request:user:{}` holding the new email):
  // Redis is where that data lives until it is committed, not a copy of a row
  if (key && key.writers.length > 0) return false;
  if (CACHE_LIBS.has(op.lib)) return true;
  // Pattern: this.cacheService.get(k) / this.cache.get(k) — the project says it is a cache
  const receiver = file.text.slice(op.call.receiverSpan.start, op.call.receiverSpan.end);
  if (/cache/i.test(op.via?.label ?? '') || /cache/i.test(receiver)) return true;
  // Pattern: JSON.parse(await redis.get(`user:${id}`)) … prisma.user.update(…) — a copy of the row it updates
  return w.kind === 'update' && !!w.entity && !!shape && shapeNamesEntity(shape, w.entity);
}

/** Last words of fields that name a record for people: `userName`, `title`, `slug`, `email`. */
const LABEL_WORDS = new Set(['code', 'slug', 'name', 'title', 'label', 'email', 'username', 'nickname', 'handle']);

/**
 * Pattern: feedback.userId = user.id; feedback.userName = user.name; await repo.save(feedback) — a new
 * row that records who or what it is about copies the record's own id and its label, no state of it:
 * nothing a stale copy could revert. A foreign key (`ownerId`, `ownerWallet`) is state: an owner
 * changes. Every use of the read's value must be seen, each a field.
 */
function copiesReferencesOnly(w: DbWrite, read: CallFact | undefined): boolean {
  const u = read?.uses;
  if (w.kind !== 'create' || w.upsert || !u || u.returned || u.members?.length || u.fields.length === 0) return false;
  return u.fields.every((f) => isRowIdName(f) || LABEL_WORDS.has(nameWords(f).pop() ?? ''));
}

/** A write of rows, of what a project function reading rows returns, or of a value not known. */
function holdsRows(w: CacheOp, project: ProjectIndex): boolean {
  if (w.valueSrc === undefined || w.valueSrc === 'db' || w.valueSrc === 'param' || w.valueEntities?.length) return true;
  return !!w.valueCalls && project.callGraph.readEntitiesOf(w.valueCallsFile ?? w.file, w.valueCalls).length > 0;
}

/** A cache read whose result the payload is built from, and the helper call it is made through. */
interface CachedRead {
  op: CacheOp;
  /** the call of a read-through helper (`this.findOne(id)`) the value comes back from */
  helper?: { file: string; span: Span; label: string };
}

/**
 * The cache read behind a recorded call: the call's own read op (a client or a cache service), or
 * the read-through inside the project function it calls (`const u = await this.findOne(id)` whose
 * body returns the cached copy on a hit and loads the row on a miss).
 */
function readOf(project: ProjectIndex, file: LinkedFile, callId: number): CachedRead | undefined {
  const call = file.facts.calls[callId];
  const own = file.ops.find((op) => op.call.id === callId && op.kind === 'read' && !op.forwarded);
  if (own) {
    // Pattern: this.read(id, { withBlocks: true }) through a wrapper that reads the cache only on request
    const inner = own.via && project.files.get(own.via.file)?.facts.calls[own.via.callId];
    const t = inner?.optIn && call && project.callGraph.targetOf(file.file, call);
    return inner && t && notAskedFor(call, inner, t.fn.id) ? undefined : { op: own };
  }
  if (!call || call.receiver.t === 'lib' || call.receiver.t === 'unknown') return undefined;
  const t = project.callGraph.targetOf(file.file, call);
  const target = t && project.files.get(t.file);
  if (!t || !target || target.kind) return undefined;
  const span = t.fn.span;
  const inside = new Set(target.facts.fns.filter((f) => f.span.start >= span.start && f.span.end <= span.end).map((f) => f.id));
  // a read whose value the helper only tests (`if (!enabled) throw …`) cannot come back from it
  const op = target.ops.find((o) => o.kind === 'read' && !!o.fallback && !o.forwarded && inside.has(o.call.fn) && !onlyTested(o.call));
  // Pattern: getSchema(uid, { ...opts, withChildren: true }) into `if (opts?.readFromCache) return cache.wrap(…)`:
  // the helper reads the database unless its caller asks for the cache, and this caller does not
  return op && !notAskedFor(call, op.call, t.fn.id) ? { op, helper: { file: file.file, span: call.span, label: `${call.method}()` } } : undefined;
}

/** Every use of the read's value is seen, and each only tests it: no field of it, nothing returns it. */
function onlyTested(call: CallFact): boolean {
  const u = call.uses;
  return !!u && !u.returned && u.fields.length === 0 && !u.members?.length;
}

/**
 * The helper `fn` reads the cache (`read`) only on request, and the caller's call does not ask; or
 * it reads unless told not to, and the caller's call tells it (`getClientInfo({ bypassCache: true })`).
 */
function notAskedFor(caller: CallFact, read: CallFact, fn: number): boolean {
  if (!read.optIn || read.fn !== fn) return false;
  const arg = caller.args[read.optIn.param];
  // an opt-out counts only when plainly on: `{ bypassCache: true }`
  if (read.optIn.optOut) return read.optIn.prop !== undefined && !!arg?.propTrue?.includes(read.optIn.prop);
  return !asksFor(arg, read.optIn.prop);
}

/**
 * Does the caller's argument turn the helper's cache on? Only a visible yes counts: the flag in an
 * object literal, or any argument for a flag parameter itself (`find(id, true)`); a spread or a
 * variable passes on whatever the caller got, which is no request of its own.
 */
function asksFor(arg: ArgFact | undefined, prop: string | undefined): boolean {
  if (!arg) return false;
  return prop === undefined ? arg.str !== '' && arg.num !== 0 : !!arg.props?.includes(prop);
}

export const writeFromCache: Rule<'fromCache'> = {
  meta: {
    id: 'write-from-cache',
    description: 'Disallow database writes whose data was read from the cache.',
    severity: 'warning',
    fix: 'none',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      fromCache: '{{label}} writes back the cached copy of {{key}}',
    },
    details: {
      fromCache:
        'The cached copy may be stale: writing it back commits its old fields over newer ones, and a staleness the TTL bounded becomes permanent in the database.',
    },
    help: 'Build the payload from the database row (read it in the same transaction) or from the validated request, never from the cached copy.',
  },
  // docs/rules/write-from-cache.md: a stale copy written back over a newer row
  timeline(_messageId, race) {
    const key = keyWords(race.key);
    const b = named(race.writer, 'this write path');
    return {
      steps: [
        { actor: 'request B', text: `${b} reads ${key} from the cache = v1` },
        { actor: 'request A', text: `another write commits v2 and deletes ${key}` },
        { actor: 'request B', text: `${b} changes its copy of v1` },
        { actor: 'request B', text: `${named(race.dbWrite, 'the database write')} writes the copy back over v2` },
      ],
      outcome: "A's change is lost for good",
    };
  },
  checkProject(project, ctx) {
    // one finding per call site: a repository call recognised as a write and as a project call is one write
    const reported = new Set<string>();
    const at = (file: string, span: Span) => `${file}\0${span.start}`;
    for (const w of judgedWrites(project, ctx)) {
      if (!w.fromCalls || !ctx.wants(w.file)) continue;
      const file = project.files.get(w.file);
      // tests, migrations and seeds are not report sites
      if (!file || file.kind) continue;
      let found: CachedRead | undefined;
      for (const id of w.fromCalls) {
        const r = readOf(project, file, id);
        const readFile = r && project.files.get(r.op.file);
        if (r && readFile && cacheLike(project, readFile, r.op, w) && !copiesReferencesOnly(w, file.facts.calls[id])) {
          found = r;
          break;
        }
      }
      if (!found) continue;
      const read = found.op;
      const key = project.model.keyOf(read);
      if (isRecordWrite(w, key)) continue;
      const related = readRelated(project, found);
      reported.add(at(w.file, w.span));
      ctx.report({
        file: w.file,
        span: w.span,
        messageId: 'fromCache',
        data: { label: w.label, key: keyLabel(read) },
        related,
        // the finding sits on the database write: name the cached key it read
        key: key && keyInfoOf(project, key),
        race: { key: keyShape(read), reader: fnOfOp(project, read), writer: fnName(file, w.fn), dbWrite: w.label, entity: w.entity, dbWriteKind: w.kind },
      });
    }
    // Pattern: const cfg = await this.fetch(k); await this.save(k, { ...cfg, on }) with save() writing its `value`
    for (const path of ctx.judged ?? project.files.keys()) {
      const file = project.files.get(path);
      if (!file || file.kind || !ctx.wants(path)) continue;
      for (const call of file.facts.calls) {
        const hit = call.argFrom && !reported.has(at(path, call.span)) && writeThroughCall(project, file, call);
        if (!hit) continue;
        const { read, w, writeFile } = hit;
        const key = project.model.keyOf(read.op);
        // Pattern: this.notificationService.save({ content: `Order ${order.code} shipped` }) into repo.save(n)
        if (isRecordWrite(w, key)) continue;
        const label = `${call.method}()`;
        ctx.report({
          file: path,
          span: call.span,
          messageId: 'fromCache',
          data: { label: `${label} (${w.label})`, key: keyLabel(read.op) },
          related: [
            { file: writeFile, span: w.span, message: `The database write ${label} makes with the value it is given` },
            ...readRelated(project, read),
          ],
          key: key && keyInfoOf(project, key),
          race: { key: keyShape(read.op), reader: fnOfOp(project, read.op), writer: fnName(file, call.fn), dbWrite: `${label} → ${w.label}`, entity: w.entity, dbWriteKind: w.kind },
        });
      }
    }
  },
};

/** Where the written data was read from the cache: the helper returning it, the read, the wrapper's own read. */
function readRelated(project: ProjectIndex, found: CachedRead): Related[] {
  const { op, helper } = found;
  return [
    ...(helper ? [{ file: helper.file, span: helper.span, message: `${helper.label} returns the cached copy on a hit` }] : []),
    { file: op.file, span: op.call.span, message: `Cache read the written data comes from (${project.model.keyOf(op)?.summary ?? 'a cache read'})` },
    ...viaRelated(project, op, `Where ${op.via?.label ?? 'the wrapper'} reads the cache`),
  ];
}

/**
 * A call of a project function that writes one of its parameters to the database, handed a value
 * read from the cache in the caller: the cached read and the write inside the callee.
 */
function writeThroughCall(project: ProjectIndex, file: LinkedFile, call: CallFact): { read: CachedRead; w: DbWrite; writeFile: string } | undefined {
  for (const { arg, calls } of call.argFrom ?? []) {
    const found = paramWrite(project, file.file, call, arg, 0);
    if (!found) continue;
    for (const id of calls) {
      const r = readOf(project, file, id);
      const readFile = r && project.files.get(r.op.file);
      if (r && readFile && cacheLike(project, readFile, r.op, found.w) && !copiesReferencesOnly(found.w, file.facts.calls[id])) return { read: r, w: found.w, writeFile: found.file };
    }
  }
  return undefined;
}

/** How many project functions a value may be handed through before it reaches the write. */
const MAX_HANDOFFS = 3;

/**
 * The database write that argument `arg` of `call` ends in: a write in the called function built
 * from that parameter, or one in a function it hands the parameter on to (`save(user) { return
 * this.userCache.save(user) }` whose callee saves it).
 */
function paramWrite(project: ProjectIndex, path: string, call: CallFact, arg: number, depth: number): { w: DbWrite; file: string } | undefined {
  const t = project.callGraph.targetOf(path, call);
  const target = t && project.files.get(t.file);
  if (!t || !target || target.kind) return undefined;
  const w = target.facts.dbWrites.find((x) => x.fn === t.fn.id && x.kind !== 'delete' && x.fromParams?.includes(arg));
  if (w) return { w, file: t.file };
  if (depth + 1 >= MAX_HANDOFFS) return undefined;
  for (const inner of target.facts.calls) {
    if (inner.fn !== t.fn.id || inner === call) continue;
    const j = inner.args.findIndex((a) => a.param === arg);
    const found = j >= 0 ? paramWrite(project, t.file, inner, j, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}
