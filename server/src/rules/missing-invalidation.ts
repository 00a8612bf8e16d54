// missing-invalidation: a database write changes rows that a cache holds, and nothing on its path
// deletes them from the cache. Docs: docs/rules/missing-invalidation.md
import { judgedWrites } from './judged';
import { driftBetween, entityOfShape, familyWord, shapeNamesEntity, shapesMatch, slotsOf } from '../facts/keys/shapes';
import { LIBS } from '../facts/cache/client-modules';
import type { DbWrite, FnFact, HookFact } from '../facts/types';
import { fileIndex, type FileIndex } from './file-index';
import { inOwnRepository, passesParamsThrough, repositoryModel, repositoryName } from './repository-writes';
import { methodOfLabel } from '../facts/db/labels';
import type { CacheModel, KeyModel } from '../model/cache-model';
import { entityCaches, fillsOf, type CachedEntity } from '../model/entity-caches';
import { keyInfoOf } from '../model/key-info';
import { isUncalled } from '../model/uncalled';
import { isUnusedModule } from '../model/unused-modules';
import type { CacheOp, LinkedFile, ProjectIndex, Related, Rule } from '../rule';
import { clearedByCallers, clears, judgedCalls, clearingIndex, isClearing, namesAround, scopeOf, type ClearingIndex, type Reaches } from './clearing';
import { insertInvalidation } from './missing-invalidation.fix';
import { leftToTtl } from './left-to-ttl';
import { fieldsReadFrom } from './read-fields';
import { fnName, keyWords, named, ttlOfKey, untilExpiry } from './timeline';
import { lineOf, rollsWithClock, shortLived, shortPath, staleTier, versionedKey } from './util';
import { isRowIdName } from '../facts/keys/entities';

/** How deep the helpers a write calls are followed for their deletes. */
const CALLEE_DEPTH = 3;

/**
 * A key the write's flow deletes or overwrites that shows it invalidates the entity: one of its
 * cached shapes, a drifted spelling (key-drift's finding), a pattern over one, a key of the same
 * family (`user:{}` next to `user:settings:{}`: a dead delete is key-drift's; under an owner's
 * prefix, one naming the entity as well), a key naming the
 * entity, or a key the analysis cannot spell. Once a flow invalidates the entity anywhere, lists
 * and aggregates it leaves to their TTL are a choice, not an oversight.
 */
function reaching(entity: string, keys: readonly KeyModel[], cachedEntities: { has(entity: string): boolean }, model: CacheModel): Reaches {
  // (a key of no literal text adds no spelling: any delete the analysis cannot spell may be it)
  const shapes = keys.flatMap((k) => k.shape ?? []);
  // Pattern: `project:{}:event:{}` — a key under an owner's prefix: a sibling under that owner
  // (`project:{}:templates`, read as a key of its own) is no family of it; one naming the entity
  // too is, and so is a delete of a key nothing reads (`user:{}` for `user:settings:{}`: key-drift's)
  const scoped = (sh: string) => !namesEntityFirst(sh, entity) && shapeNamesEntity(sh, entity);
  const leads = new Set(shapes.flatMap((sh) => (scoped(sh) ? [] : (familyWord(sh) ?? []))));
  const ownerLeads = new Set(shapes.flatMap((sh) => (scoped(sh) ? (familyWord(sh) ?? []) : [])));
  // Pattern: del(`wallet_request:${txId}`) of an idempotency marker or a lock: it clears nothing cached
  const noCache = (sh: string) => model.keys.get(sh)?.kind === 'marker';
  const named = (s: string) =>
    // Pattern: for (const k in CacheKeys) delByPattern(`${CacheKeys[k]}*`) — a pattern whose start cannot be spelled
    /^\{\}[^A-Za-z0-9]*\*$/.test(s) ||
    namesEntityFirst(s, entity, cachedEntities) ||
    inFamily(leads, s) ||
    (inFamily(ownerLeads, s) && (shapeNamesEntity(s, entity) || !model.keys.get(s)?.readers.length)) ||
    shapes.some((shape) => shapesMatch(s, shape) || !!driftBetween(s, shape) || (s.endsWith('*') && slotsOf(shape)[0].startsWith(s.slice(0, -1))));
  return (s) => !s || (!noCache(s) && named(s));
}

/**
 * The key is about the entity: its first word that is not a generic prefix names it (`user:{}`,
 * `cache:users:{}`, `sys_user:{}`). A key that only mentions it further on is about something else:
 * `team:user:{}:team:{}` is a team membership, and deleting it clears no cached user.
 */
function namesEntityFirst(shape: string, entity: string, cachedEntities?: { has(entity: string): boolean }): boolean {
  const own = entityOfShape(shape);
  // a key of another cached entity sharing a word with this one (`wallet_request:{}` for wallets) is that one's
  return own !== undefined && (own === entity || (shapeNamesEntity(own, entity) && !cachedEntities?.has(own)));
}

/** The key's first word is one of `leads`. */
function inFamily(leads: ReadonlySet<string>, shape: string): boolean {
  const l = familyWord(shape);
  return l !== undefined && leads.has(l);
}

/** The helpers the write's flow calls (followed three levels, across files) delete or overwrite the key. */
function clearedByCalled(project: ProjectIndex, file: LinkedFile, scope: Set<number>, reaches: Reaches, depth = CALLEE_DEPTH, seen = new Set<string>()): boolean {
  const byOps = judgedCalls(file);
  for (const call of file.facts.calls) {
    if (!scope.has(call.fn) || call.receiver.t === 'lib' || call.receiver.t === 'unknown') continue;
    // a call of a cache wrapper is judged by its ops here, with the caller's key: inside, the key is a parameter
    if (byOps.has(call)) continue;
    const t = project.callGraph.targetOf(file.file, call);
    if (!t) continue;
    const id = `${t.file}\0${t.fn.id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const target = project.files.get(t.file);
    if (!target) continue;
    const inner = scopeOf(target, t.fn.id);
    if (target.ops.some((op) => inner.has(op.call.fn) && isClearing(op, project.model) && reaches(op.key?.shape))) return true;
    if (depth > 1 && clearedByCalled(project, target, inner, reaches, depth - 1, seen)) return true;
  }
  return false;
}

/** Handlers of the events the write's flow emits (`@OnEvent('user.updated')`) clear the key. */
function clearedByHandlers(ix: ClearingIndex, project: ProjectIndex, file: LinkedFile, scope: Set<number>, reaches: Reaches): boolean {
  const events = new Set(file.facts.fns.filter((f) => scope.has(f.id)).flatMap((f) => f.emits ?? []));
  if (events.size === 0) return false;
  for (const other of project.files.values())
    for (const f of other.facts.fns)
      if (f.handles?.some((e) => events.has(e)) && clears(ix, other, f.id, reaches)) return true;
  return false;
}

/**
 * An ORM hook of the written entity, run after writes of that kind (`Model.afterDestroy(fn)`,
 * `@AfterUpdate`, a subscriber's `afterUpdate`), clears the key: the write runs it.
 */
function clearedByHooks(ix: ClearingIndex, project: ProjectIndex, w: DbWrite & { file: string }, reaches: Reaches): boolean {
  if (hooksClear(ix, project, w, reaches)) return true;
  // Pattern: this.userRepository.delete(id) with UserRepository.delete running prisma.user.delete — the
  // hooks of the write the repository's method makes (a Prisma `$use` middleware, a subscriber)
  const m = /^this\.(\w+)\.(\w+)$/.exec(w.label.replace(/\(.*$/s, '').trim());
  const cls = m && w.fn > 0 ? project.files.get(w.file)?.facts.fns[w.fn - 1]?.className : undefined;
  if (!m || !cls) return false;
  return project.callGraph.writesOfMember(w.file, cls, m[1], m[2]).some((c) => hooksClear(ix, project, { ...c.write, file: c.file }, reaches));
}

function hooksClear(ix: ClearingIndex, project: ProjectIndex, w: DbWrite & { file: string }, reaches: Reaches): boolean {
  let text: string | undefined;
  let inTx: boolean | undefined;
  const hooks = afterHooks(project);
  for (const { file, value: f } of [...(w.entity ? hooks.get(w.entity) : []), ...hooks.get(ANY_ENTITY)]) {
    const h = f.hook!;
    // an ORM runs its hooks for its own writes only (a TypeORM subscriber never sees a knex update)
    if (!h.events.includes(w.kind) || !sameOrm(h, w)) continue;
    text ??= project.files.get(w.file)?.text.slice(w.span.start, w.span.end) ?? '';
    inTx ??= !!project.files.get(w.file)?.facts.txs?.some((t) => !t.hook && t.span.start <= w.span.start && w.span.end <= t.span.end);
    if (!runsHook(h, w, text, inTx)) continue;
    const other = project.files.get(file);
    if (!other) continue;
    // a hook of every entity must delete this key itself: its calls named like an invalidation may be about any entity
    if (h.entity === undefined ? deletesKey(project, other, f.id, reaches) : clears(ix, other, f.id, reaches)) return true;
  }
  return false;
}

/** The key `afterHooks` files hooks of every entity under (no entity is named so). */
const ANY_ENTITY = '\0any';

/** The functions that are ORM hooks run after a write, by the entity they hang on (kept up to date per changed file). */
function afterHooks(project: ProjectIndex): FileIndex<FnFact> {
  return fileIndex<FnFact>(project, 'missing-invalidation:after-hooks', 'facts', (file, add) => {
    for (const f of file.facts.fns) if (f.hook && f.hook.timing !== 'before') add(f.hook.entity ?? ANY_ENTITY, f);
  });
}

/** The hook's ORM makes the write: a TypeORM query builder's too, and cool-admin's services write through TypeORM. */
function sameOrm(h: HookFact, w: DbWrite): boolean {
  const via = w.via === 'typeorm-qb' ? 'typeorm' : w.via;
  return h.orm === via || (h.orm === 'cool-admin' && via === 'typeorm');
}

/** A delete or overwrite of the key, by its shape, in the code of function `fn` of `file`. */
function deletesKey(project: ProjectIndex, file: LinkedFile, fn: number, reaches: Reaches): boolean {
  const scope = scopeOf(file, fn);
  return file.ops.some((op) => scope.has(op.call.fn) && isClearing(op, project.model) && !!op.key?.shape && reaches(op.key.shape));
}

/** Mongoose query middleware by the model methods that run it (`findByIdAndUpdate` runs `findOneAndUpdate`'s). */
const MONGOOSE_MIDDLEWARE: Record<string, string> = { findByIdAndUpdate: 'findOneAndUpdate', findByIdAndDelete: 'findOneAndDelete', findByIdAndRemove: 'findOneAndRemove', create: 'save' };

/**
 * Whether the write runs the hook: TypeORM entity listeners run for save/remove only (`update()`
 * and `delete()` run none, the classic gotcha); Sequelize instance hooks run for a static
 * `Model.update/destroy` only with `individualHooks: true`, bulk hooks only for those; Mongoose
 * middleware only for its own operation; MikroORM hooks not for `native*` queries. Unsure: it runs.
 */
function runsHook(h: HookFact, w: DbWrite, text: string, inTx: boolean): boolean {
  const method = methodOfLabel(w.label) ?? '';
  switch (h.orm) {
    case 'typeorm':
      // entity listeners and afterTransactionCommit: save() and remove() open the transaction;
      // update(), delete() and insert() run one query in none (a subscriber's afterUpdate sees them)
      return (!h.name.startsWith('@') && !/Transaction/.test(h.name)) || /^(save|remove|softRemove|recover)$/.test(method) || inTx;
    case 'sequelize': {
      if (h.name === 'afterCommit') return true;
      const staticCall = /^[A-Z]/.test(w.label) && /^(update|destroy|restore)$/.test(method);
      return /Bulk/.test(h.name) ? staticCall : !staticCall || /individualHooks\s*:\s*true/.test(text);
    }
    case 'mongoose': {
      const ops = [...h.name.matchAll(/'(\w+)'/g)].map((m) => m[1]);
      return ops.length === 0 || ops.includes(MONGOOSE_MIDDLEWARE[method] ?? method);
    }
    case 'mikro-orm':
      return !/^native/.test(method);
    case 'prisma':
      // a `$use` middleware testing its action runs its cache calls for those actions only
      return !h.actions || h.actions.includes(method);
    default:
      return true;
  }
}

/**
 * Pattern: userProfilesRepository.update(id, { password: hash }) while every reader of the cached
 * profile uses `mutedInstances` or `followedMessage` — the update sets only columns nobody reads
 * from the cache (rules/read-fields.ts).
 */
function untouched(project: ProjectIndex, w: DbWrite, key: KeyModel, fnName: string | undefined): boolean {
  const held = heldByKey(key, project);
  // Pattern: the cache maps a slug to ids (`{ segmentId, integrationId }`); `segments.update(id, data)` —
  // an update keeps a row's ids, and only a delete (soft or not) makes the ids point at nothing
  if (held && idsOnly(held) && w.kind === 'update' && !w.upsert && !softDelete(w, fnName) && !w.fields?.some((f) => ID_COLUMN.test(columnWord(f)))) return true;
  if (!w.fields) return false;
  // Pattern: the cache keeps { id, name, image } of a collection; `UPDATE collections SET community = …`
  // a relation held (`role`) changes with its foreign key (`roleId`)
  if (held && w.fields.every((f) => !held.has(columnWord(f)) && !held.has(columnWord(f).replace(/id$/, '')))) return true;
  const used = fieldsReadFrom(project, key);
  return !!used && w.fields.every((f) => !used.has(f));
}

/** A column of ids, as columnWord spells it: `id`, `segmentid`, `owner_uuid` → `owneruuid`. */
const ID_COLUMN = /^(id|uuid|guid)$|[a-z](id|ids|uuid|guid)$/;
/** Words ending like an id column that are none. */
const NOT_ID = /(paid|valid|void|hybrid|android|fluid|liquid|rapid|solid|vivid|squid)$/;

function idsOnly(held: ReadonlySet<string>): boolean {
  return held.size > 0 && [...held].every((f) => ID_COLUMN.test(f) && !NOT_ID.test(f));
}

/** An update that hides or ends rows: a column of deletion set, or a method named for it (`softDeleteRepositories`). */
function softDelete(w: DbWrite, fnName: string | undefined): boolean {
  return /delet|remov|archiv|disabl|deactiv|destroy|trash/i.test(`${w.label} ${fnName ?? ''}`) || !!w.fields?.some((f) => /delet|remov|archiv|status|active|enabled|disabled|delflag/i.test(f));
}

/** How a message names the key: its shape, or for a key of no literal text the map it is kept in (`an entry of walletCache`). */
function entryLabel(e: CachedEntity, project: ProjectIndex): string {
  if (e.key.shape) return `'${e.key.shape}'`;
  const text = project.files.get(e.fill.file)?.text.slice(e.fill.call.receiverSpan.start, e.fill.call.receiverSpan.end).trim();
  return text && /^[\w$.]+$/.test(text) ? `an entry of ${text.replace(/^this\./, '')}` : 'its cached entry';
}

/** A column or field name as both sides spell it: `image_version`, `imageVersion` → `imageversion`. */
function columnWord(f: string): string {
  return f.toLowerCase().replace(/_/g, '');
}

/**
 * The fields every write of the key stores, when each is known (CacheOp.valueHolds): the object it
 * writes, the columns the SQL it loads from selects, or what the project function it caches the
 * result of returns. Writes of a literal (a sentinel, a flag) store no fields of a row.
 */
function heldByKey(key: KeyModel, project: ProjectIndex): ReadonlySet<string> | undefined {
  const out = new Set<string>();
  let any = false;
  for (const o of key.writers) {
    if (o.valueSrc === 'literal' || o.sentinel) continue;
    // Pattern: set(`auth-user-${id}`, await this.auth.getAuthUser(id)) with getAuthUser returning { id, githubId, mentors }
    // Pattern: set(k, JSON.stringify(serializeCtx(ctx))) with serializeCtx returning { userId, language, … }
    const holds =
      o.valueHolds ??
      (o.valueHoldsOf ? project.callGraph.returnHoldsOf(o.file, [o.valueHoldsOf], o.call.fn) : undefined) ??
      (o.valueCalls ? project.callGraph.returnHoldsOf(o.valueCallsFile ?? o.file, o.valueCalls, o.valueCallsFile ? undefined : o.call.fn) : undefined);
    if (!holds) return undefined;
    for (const f of holds) out.add(columnWord(f));
    any = true;
  }
  return any ? out : undefined;
}

/**
 * Pattern: getOrCreate(id) { const hit = await cache.get(k); … row = await repo.save(dto); await cache.set(k, row) } —
 * the write is part of the read path that fills the key (it reads the key first and fills it
 * after). Not `await repo.save(order); return this.findById(order.id)`: a read-through called after
 * the write returns the copy it cached before; nor `const s = await cachedStock(id)` before it.
 */
function ownReadPath(e: CachedEntity, file: LinkedFile, scope: Set<number>, w: DbWrite): boolean {
  const inScope = (o: CacheOp) => o.file === file.file && scope.has(o.call.fn);
  // read → miss → the write → fill the key with what it wrote
  return e.key.readers.some((r) => inScope(r) && r.call.span.start < w.span.start) && e.key.writers.some((o) => inScope(o) && o.call.span.start > w.span.end);
}

/**
 * Pattern: the cache holds `Order.find({ paymentStatus: 'Paid' })`; a cron runs `Order.deleteMany({
 * paymentStatus: 'pending' })` — every writer of the key caches rows whose filter pins a field to a
 * literal the write's filter pins to another: the write touches none of them. An update that sets
 * that field may move rows in, and is still judged.
 */
function otherRows(key: KeyModel, w: DbWrite): boolean {
  const pins = w.pins;
  if (!pins || key.writers.length === 0) return false;
  return key.writers.every((o) => {
    const cached = o.valuePins;
    if (!cached) return false;
    // an update setting a field the cached filter pins may move its rows in
    if (w.kind === 'update' && (!w.fields || w.fields.some((f) => f in cached))) return false;
    return Object.entries(cached).some(([f, v]) => f in pins && pins[f] !== v);
  });
}

/**
 * Pattern: const user = await this.users.create(dto); await this.users.update({ _id: user._id }, { … })
 * — the row was created earlier in this flow: no reader can have cached it yet.
 */
function createdInThisFlow(file: LinkedFile, w: DbWrite): boolean {
  // the row by its own id (`{ _id: user._id }`), not rows sharing a field with it (`{ restaurantId: q.restaurantId, _id: { $ne: q._id } }`)
  const m = w.kind === 'create' || !w.row || (w.row.field !== undefined && !isRowIdName(w.row.field)) ? null : /^(\w+)(?:\.(\w+))?$/.exec(w.row.text.trim());
  if (!m || (m[2] !== undefined && !isRowIdName(m[2]))) return false;
  return file.facts.dbWrites.some((c) => c.kind === 'create' && !c.upsert && c.fn === w.fn && c.entity === w.entity && c.resultVar === m[1] && c.span.end <= w.span.start);
}

/**
 * Pattern: await Project.deleteOne({ _id: projectId }); await Event.deleteMany({ project_id: projectId })
 * — the rows go with their owner, whose own delete this flow makes: every key of the owner's rows is
 * one no request can reach any more (the owner it is scoped by is gone), not a stale copy.
 */
function ownerDeletedToo(file: LinkedFile, w: DbWrite): boolean {
  const field = w.kind === 'delete' ? w.row?.field : undefined;
  const owner = field ? /^_?([a-z][a-z0-9]*?)_?id$/i.exec(field)?.[1]?.toLowerCase() : undefined;
  if (!owner || owner === 'id') return false;
  return file.facts.dbWrites.some((o) => o !== w && o.fn === w.fn && o.kind === 'delete' && !!o.entity && o.entity.replace(/_/g, '') === owner);
}

/**
 * Pattern: the cache holds `notificationRepository.count({ _organizationId })`; a job updates a
 * notification's status — a count of rows changes when rows come or go, or when an update moves a
 * row across its filter. An update whose fields are known and none of them is a filtered field
 * changes no count.
 */
function countUnmoved(key: KeyModel, w: DbWrite): boolean {
  if (w.kind !== 'update' || w.upsert || !w.fields?.length || key.writers.length === 0) return false;
  const set = new Set(w.fields.map(columnWord));
  return key.writers.every((o) => !!o.valueCountFilter?.length && o.valueCountFilter.every((f) => !set.has(columnWord(f))));
}

/**
 * Pattern: `export { getInvoice, … } from './managers/invoice-cache'` in lib/cache/index.ts, and no
 * route or service names getInvoice — every read and fill of the key is in a module nothing but
 * barrels hands on: nothing reads the cache, so no write leaves it stale. Nor does a key no code reads.
 */
function unreadByProduct(project: ProjectIndex, key: KeyModel): boolean {
  // Pattern: a warm-up job sets `property:${id}` from the rows and no code ever gets it
  if (key.readers.length === 0) return true;
  const ops = [...key.readers, ...fillsOf(key)];
  return ops.every((o) => isUnusedModule(project, o.file));
}

/**
 * Pattern: `reels_personalized_${userId}_session_${sessionId}` with `sessionId = req.query.sessionId ||
 * randomUUID()` — every writer names a key minted for its request or session: a snapshot no write
 * path can name, which nothing but its expiry ever ends.
 */
function perSession(key: KeyModel): boolean {
  return key.writers.length > 0 && key.writers.every((o) => o.minted);
}

/** Query builders over a database client: their chain's methods are the client's, never a helper of the project. */
const BUILDERS = new Set(['drizzle', 'kysely', 'knex', 'supabase']);
const BUILDER_LINKS = ['set', 'values', 'where', 'returning', 'onConflictDoUpdate', 'onConflictDoNothing', 'execute', 'then'];

/**
 * Pattern: db.update(members).set({ locale }).where(…) — `update` and `set` here are Drizzle's, not
 * a cache facade's `set: (k, v) => store.set(k, v)` that clears the key by name.
 */
function builderLinks(w: DbWrite): ReadonlySet<string> | undefined {
  if (!BUILDERS.has(w.via)) return undefined;
  return new Set([...[...w.label.matchAll(/\.\s*(\w+)\s*\(/g)].map((m) => m[1]), ...BUILDER_LINKS]);
}

/** `until its 10-minute TTL`, `forever: the key has no TTL`, or `until it expires`. */
function howLong(key: KeyModel): string {
  const secs = key.writers.map((w) => w.ttlSeconds).filter((n): n is number => n !== undefined);
  if (secs.length > 0) {
    const s = Math.max(...secs);
    return s >= 3600 && s % 3600 === 0 ? `until its ${s / 3600}-hour TTL` : s >= 60 && s % 60 === 0 ? `until its ${s / 60}-minute TTL` : `until its ${s}-second TTL`;
  }
  if (key.writers.length > 0 && key.writers.every((w) => w.ttl === false)) return 'forever: the key has no TTL';
  return 'until it expires';
}

const VERB: Record<DbWrite['kind'], string> = { update: 'Updating', delete: 'Deleting', create: 'Creating' };

/** Functions that run once as the process starts (or as a one-off migration): `init`, `onModuleInit`, `migrate`. */
const STARTUP = /^(init|initialize|initialise|bootstrap|boot|start|startup|setup|onModuleInit|onApplicationBootstrap|migrate|seed)$/;

/**
 * A key only an in-process store holds (lru-cache, node-cache), written around by start-up code:
 * that store is empty while the process starts, so a write made then leaves nothing stale
 * (Wiki.js's sideloader importing locales from `init()` before `nav:locales` is ever read).
 */
function startupOfInProcessCache(key: KeyModel, file: LinkedFile, fn: number): boolean {
  if (![...key.readers, ...key.writers].every((o) => LIBS[o.lib].inProcess)) return false;
  const name = file.facts.fns[fn - 1]?.name;
  if (!name) return false;
  if (STARTUP.test(name)) return true;
  // Pattern: async init() { … await this.importLocales() }  — called only by start-up code of its file
  const callers = file.facts.fns.filter((f) => f.id !== fn && f.calls.includes(name));
  return callers.length > 0 && callers.every((f) => !!f.name && STARTUP.test(f.name));
}

export const missingInvalidation: Rule<'noInvalidation'> = {
  meta: {
    id: 'missing-invalidation',
    description: 'Require database writes to invalidate the cache entries that hold the rows they change.',
    severity: 'warning',
    fix: 'suggestion',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      noInvalidation: '{{verb}} {{entity}} leaves {{key}} stale: nothing on this path deletes it',
    },
    details: {
      noInvalidation: 'The read path fills {{key}} at {{where}}. Nothing this write calls, nor its callers or event handlers, deletes it: readers get the old row {{until}}.',
    },
    help: 'Delete the key right after the write (after the transaction when the write is inside one), built as the read path builds it.',
  },
  // docs/rules/missing-invalidation.md: the write commits, the cached row stays
  timeline(_messageId, race) {
    const reader = named(race.reader, 'a reader');
    const key = keyWords(race.key);
    const created = race.dbWriteKind === 'create';
    return {
      steps: [
        { actor: 'reader', text: `${reader} misses ${key}, loads ${created ? 'the rows' : 'row v1'} and caches ${created ? 'them' : 'it'}` },
        { actor: 'writer', text: `${named(race.writer, 'a write path')} ${created ? 'adds a row' : 'commits v2'}${race.dbWrite ? ` with \`${race.dbWrite}\`` : ''}; nothing deletes ${key}` },
        { actor: 'reader', text: `${reader} hits ${key} = ${created ? 'the rows without the new one' : 'v1'}` },
      ],
      outcome: `stale ${untilExpiry(race)}`,
    };
  },
  checkProject(project, ctx) {
    const caches = entityCaches(project.model, project.callGraph);
    if (caches.size === 0) return;
    let ix: ClearingIndex | undefined;
    for (const w of judgedWrites(project, ctx)) {
      // a write at module top level is a seed or a migration script, run before anyone reads
      if (!w.entity || w.fn === 0 || !ctx.wants(w.file)) continue;
      // Pattern: instances.increment({ id }, 'notesCount', 1) — a counter bump: a cached copy's count
      // lagging until the TTL is what caching a counted row accepts
      if (w.counter) continue;
      // the rows a project repository reads under its own name (`userRepo` over the `sysUser` model):
      // a link shown by the repository, not by the key, so it holds for the rows' own keys only
      // Pattern: this.menuRepo.update(…) where MenuRepository is `super(prisma, 'sysMenu')` — the
      // write names the repository, the cache the model it declares: the same rows, lists included
      const declared = caches.has(w.entity) ? undefined : repositoryModel(project, w.entity);
      const aliased = !caches.has(w.entity) && !(declared && caches.has(declared));
      const entity = declared && !aliased ? declared : aliased ? repositoryName(project, w.entity) : w.entity;
      const entries = entity ? caches.get(entity)?.filter((e) => !aliased || !e.list) : undefined;
      if (!entity || !entries?.length) continue;
      // a new row is missing only from lists and aggregates of its entity (an upsert may also update a row)
      const relevant = w.kind === 'create' && !w.upsert ? entries.filter((e) => e.list) : entries;
      if (relevant.length === 0) continue;
      const file = project.files.get(w.file);
      // tests, migrations and seeds are not report sites
      if (!file || file.kind) continue;
      // the write inside the repository of its model is the repository's own method: its callers
      // are where the rows change (`dictDataRepo.createMany(…)` is a write of theirs)
      if (inOwnRepository(project, file, w) || createdInThisFlow(file, w) || passesParamsThrough(file, w) || ownerDeletedToo(file, w)) continue;
      const index = (ix ??= clearingIndex(project));
      const scope = scopeOf(file, w.fn);
      // the read path's own function writes the entity: a get-or-create manages its own key; and
      // an update of columns no reader of the key uses leaves nothing stale anyone sees
      const stale = relevant.filter(
        (e) => !ownReadPath(e, file, scope, w) && !untouched(project, w, e.key, file.facts.fns[w.fn - 1]?.name) && !startupOfInProcessCache(e.key, file, w.fn) && !shortLived(e.key) && !perSession(e.key) && !versionedKey(e.key) && !rollsWithClock(e.key) && !staleTier(e.key) && !leftToTtl(e.key, w, project) && !otherRows(e.key, w) && !countUnmoved(e.key, w) && !unreadByProduct(project, e.key),
      );
      // name the key a reader of this row uses: its per-row key for an update, a list for a create
      stale.sort((a, b) => Number(a.list) - Number(b.list) || Number(!!a.fill.echo) - Number(!!b.fill.echo));
      if (stale.length === 0) continue;
      // a helper of the application that no product code calls (only tests, or nothing) is on no path
      if (isUncalled(project, file, w.fn)) continue;
      const clearedBy = (reaches: Reaches) =>
        clears(index, file, w.fn, reaches, { scope, skipNames: builderLinks(w) }) ||
        clearedByCalled(project, file, scope, reaches) ||
        clearedByCallers(index, namesAround(file, w.fn), reaches, { file, fn: w.fn }) ||
        clearedByHandlers(index, project, file, scope, reaches) ||
        clearedByHooks(index, project, w, reaches);
      let left = stale;
      if (clearedBy(reaching(entity, entries.map((e) => e.key), caches, project.model))) {
        // Pattern: update(dto) under @CacheEvict('user:{id}') rewrites sys_user_role while
        // @Cacheable('sys_menu:user:{userId}') holds the menus of the old roles — the flow invalidates
        // the entity, but a per-row copy under a key of another family needs its own delete
        left = stale.filter((e) => !e.list && !clearedBy(reaching(entity, [e.key], caches, project.model)));
        if (left.length === 0) continue;
      }
      const first = left[0];
      const fillFile = project.files.get(first.fill.file)!;
      const related: Related[] = left.slice(0, 3).map((e) => ({
        file: e.fill.file,
        span: e.fill.call.span,
        message: `Read path that caches ${w.entity} rows under ${entryLabel(e, project)}`,
      }));
      const fix = insertInvalidation(project, file, w, first);
      ctx.report({
        file: w.file,
        span: w.span,
        messageId: 'noInvalidation',
        data: {
          verb: VERB[w.kind],
          entity: w.entity,
          key: entryLabel(first, project),
          where: `${shortPath(first.fill.file)}:${lineOf(fillFile.text, first.fill.call.span.start)}`,
          until: howLong(first.key),
        },
        related,
        suggestions: fix ? [fix] : [],
        key: keyInfoOf(project, first.key),
        race: {
          key: first.key.shape ?? entryLabel(first, project),
          reader: fnName(fillFile, first.fill.call.fn),
          writer: fnName(file, w.fn),
          dbWrite: w.label,
          dbWriteKind: w.kind,
          entity: w.entity,
          ...ttlOfKey(first.key),
        },
      });
    }
  },
};
