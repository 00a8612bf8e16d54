// set-after-commit: a cache set of a fresh value right after a database write (write-through).
// Docs: docs/rules/set-after-commit.md
import { sameAggregate } from '../facts/keys/entities';
import { entityOfShape, shapeNamesEntity } from '../facts/keys/shapes';
import type { DbWrite, Span, SymbolRef } from '../facts/types';
import type { KeyModel } from '../model/cache-model';
import { fillsOf } from '../model/entity-caches';
import { keptInPlace } from '../model/live-state';
import { storesOnlyMarker } from '../model/roles';
import { isUncalled } from '../model/uncalled';
import { formatMessage, type CacheOp, type Edit, type Fix, type LinkedFile, type ProjectIndex, type Rule } from '../rule';
import { hookFinding } from './set-after-commit.hooks';
import { fnName, keyWords, named, ttlOfOp, untilExpiry } from './timeline';
import { keyLabel, keyShape, lineOf, shortLived, updatesNewRow, viaRelated } from './util';
import { moveStatement } from './invalidate-before-commit.fix';

/** Verbs that store a value under a key (what a delete could replace). */
const VALUE_WRITES = new Set(['set', 'setex', 'psetex', 'getset', 'hset', 'hmset', 'mset']);
/** Hash writes: their TTL usually comes from an `expire` right after, which a delete makes moot. */
const HASH_WRITES = new Set(['hset', 'hmset']);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Adds `name` to the named import (or destructured require) of `module`, so a function wrapper's
 * delete can be called: `import { cacheSet } from './cache'` → `import { cacheSet, cacheDel } …`.
 * Undefined when there is not exactly one such import list to extend: then no fix at all.
 */
function addNamedImport(text: string, module: string, name: string): Edit | undefined {
  const mod = escapeRe(module);
  const re = new RegExp(
    String.raw`(?:\bimport\s+(?:[\w$]+\s*,\s*)?\{([^}]*)\}\s*from\s*|\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\s*\(\s*)(['"])${mod}\3`,
    'g',
  );
  const hits = [...text.matchAll(re)];
  if (hits.length !== 1) return undefined;
  const m = hits[0];
  const list = m[1] ?? m[2];
  const open = m.index + m[0].indexOf('{') + 1;
  const body = list.replace(/[\s,]+$/, '');
  if (body.trim() === '') return undefined;
  const at = open + body.length;
  // one specifier per line stays one per line
  const multiline = list.includes('\n');
  const indent = multiline ? (/\n([ \t]*)[^\n]*$/.exec(body)?.[1] ?? '  ') : '';
  return { start: at, end: at, text: multiline ? `,\n${indent}${name}` : `, ${name}` };
}

/** The name to call the wrapper's delete by, and the import edit it needs (function wrappers). */
function deleteCallee(op: CacheOp, file: LinkedFile): { name: string; edits: Edit[] } | undefined {
  const del = op.deleteVia!;
  const recv = op.call.receiver;
  if (recv.t !== 'fn' || !recv.ref) return { name: del, edits: [] };
  const ref: SymbolRef = recv.ref;
  const imported = file.facts.imports.find((i) => i.module === ref.module && i.name === del);
  if (imported) return { name: imported.local, edits: [] };
  const edit = addNamedImport(file.text, ref.module, del);
  return edit ? { name: del, edits: [edit] } : undefined;
}

/**
 * `await r.expire(k, 60);` as the very next statement after a hash write of the same key: once
 * the write is a delete it expires nothing, so the fix removes that line too.
 */
function followingExpire(op: CacheOp, file: LinkedFile): Edit | undefined {
  const { call } = op;
  if (!HASH_WRITES.has(op.verb) || !call.stmt || !call.key) return undefined;
  const { text } = file;
  const nl = text.indexOf('\n', call.stmt.end);
  // only a trailing line comment may sit between the statement and the end of its line
  if (nl < 0 || !/^\s*(\/\/.*)?$/.test(text.slice(call.stmt.end, nl).replace(/\r$/, ''))) return undefined;
  const next = file.ops.find((e) => e.kind === 'expire' && e.call.span.start > nl && e.call.fn === call.fn);
  if (!next?.call.stmt || next.call.key?.text !== call.key.text) return undefined;
  if (!/^\s*(await\s+)?$/.test(text.slice(nl, next.call.span.start))) return undefined;
  // a comment after the expire would end up on the delete's line: leave such a line alone
  const rest = text.indexOf('\n', next.call.stmt.end);
  if (!/^\s*$/.test(text.slice(next.call.stmt.end, rest < 0 ? text.length : rest))) return undefined;
  return { start: nl, end: next.call.stmt.end, text: '' };
}

function swapForDelete(op: CacheOp, file: LinkedFile): Fix | undefined {
  const { call } = op;
  const keyArg = call.args[0];
  // a raw command (`call('SET', …)`) is spelled by its arguments: no method to swap
  if (!op.deleteVia || !keyArg || !call.key || op.verb === 'mset' || keyArg.spread || call.raw) return undefined;
  const callee = deleteCallee(op, file);
  if (!callee) return undefined;
  const expire = followingExpire(op, file);
  const swap: Edit[] = [
    { start: call.methodSpan.start, end: call.methodSpan.end, text: callee.name },
    // drop everything after the key (the value, TTL and flags), keeping a trailing comma; an
    // options object (`set({ key, value, ttl })`) becomes the delete's own (`delete({ key })`)
    call.options
      ? { start: call.options.start, end: call.options.end, text: `{ key: ${file.text.slice(keyArg.span.start, keyArg.span.end)} }` }
      : { start: keyArg.span.end, end: call.args[call.args.length - 1].span.end, text: '' },
  ];
  const title = `Delete the key instead (${callee.name})`;
  // inside an open transaction a delete in place runs before the commit (invalidate-before-commit):
  // the delete goes after the commit, or the swap is not offered
  const tx = call.tx !== undefined ? file.facts.txs?.[call.tx] : undefined;
  // a TypeORM entity listener runs inside save()'s transaction and has no after-commit place of
  // its own (that is a subscriber's afterTransactionCommit): a delete there is no fix
  if (tx?.hook && tx.via === 'typeorm') return undefined;
  if (tx && !tx.hook) {
    if (!call.txExit || expire) return undefined;
    const moved = moveStatement(op, file.text, call.txExit.at, call.txExit.indent, `${title}, after the commit`, swap);
    return moved && { ...moved, edits: [...callee.edits, ...moved.edits] };
  }
  return { title, kind: 'suggestion', edits: [...callee.edits, ...swap, ...(expire ? [expire] : [])] };
}

/**
 * Where the finding starts: the call, or its method name when the call is a link of a chain
 * (`redis.pipeline().set(…).set(…)`), so each queued set gets its own line and squiggle.
 */
function findingSpan(op: CacheOp, text: string): Span {
  const { call } = op;
  const chained = text.slice(call.receiverSpan.start, call.receiverSpan.end).trimEnd().endsWith(')');
  return chained ? { start: call.methodSpan.start, end: call.span.end } : call.span;
}

/** `set`, `AppCache.set`, or `cacheSet()` for a function wrapper (the linker names those `function.cacheSet`). */
function verbLabel(op: CacheOp): string {
  if (!op.wrapper) return op.verb;
  return op.wrapper.startsWith('function.') ? `${op.wrapper.slice('function.'.length)}()` : op.wrapper;
}

/** Headlines stay within a line: a long wrapper label gives way to its method, then to the command it runs (the wrapper is in the related information). */
const HEADLINE_MAX = 100;

function fitted(template: string, op: CacheOp, data: Record<string, string | number>): Record<string, string | number> {
  const verb = String(data.verb);
  if (formatMessage(template, data).length <= HEADLINE_MAX || !op.wrapper) return data;
  const method = { ...data, verb: verb.slice(verb.lastIndexOf('.') + 1) };
  // still too long (`activeStatusUpdate()`): the command it runs (the wrapper is in the related information)
  return formatMessage(template, method).length <= HEADLINE_MAX ? method : { ...data, verb: op.verb };
}

/** A database write before the cache write: here, or inside a function called before it. */
interface Prior {
  write: DbWrite;
  /** the file the write is in */
  file: string;
  /** where it shows in the cache write's file: the write, or the call that leads to it */
  anchor: Span;
  label: string;
  /** made inside a function called before the cache write */
  called?: boolean;
  /** run concurrently with the cache write (`Promise.all([write, set])`) */
  alongside?: boolean;
  /** the call (CallFact id) that leads to the write, when it is inside a called function */
  callId?: number;
  /** that write is in the called function itself, not further down */
  own?: true;
}

/**
 * Pattern: const updated = await updateUserUsername(mongo, id, name); await cache.users.update(updated)
 * — the set stores what the function that wrote returned: the written row, whatever its entity's name.
 */
function storesResultOf(op: CacheOp, p: Prior, file: LinkedFile): boolean {
  // the called function itself returns the written row (a factory that writes on the way and
  // returns something else, `Tenant.create(…)`, stores no row); the write may sit in a callback
  // of it (`authTrx((t) => t.getRepository(X).upsert(…))`)
  const call = p.own && p.write.returned && p.callId !== undefined ? file.facts.calls[p.callId] : undefined;
  return !!call && !!op.valueCalls?.some((c) => ('call' in c && c.call === p.callId) || ('local' in c && c.local === call.method) || ('ref' in c && c.ref.name === call.method));
}

/** The hash field a write sets: a literal (`'strikes'`) or the literal start of a built one (`track:`). */
function fieldOf(op: CacheOp): { exact?: string; prefix?: string } | undefined {
  if ((op.verb !== 'hset' && op.verb !== 'hsetnx') || op.via) return undefined;
  const a = op.call.args[1];
  if (!a || a.spread) return undefined;
  return a.str !== undefined ? { exact: a.str } : a.head ? { prefix: a.head } : undefined;
}

/** Whether the write sets a hash field that every read-through fill of the key leaves alone. */
function otherFieldThanFills(op: CacheOp, key: KeyModel | undefined, project: ProjectIndex): boolean {
  const mine = fieldOf(op);
  const fills = key?.writers.filter((w) => w !== op && project.model.isFill(w)) ?? [];
  if (!mine || fills.length === 0) return false;
  return fills.every((w) => {
    const wf = fieldOf(w);
    if (!wf) return false;
    if (mine.exact !== undefined && wf.exact !== undefined) return mine.exact !== wf.exact;
    const [p, q] = [mine.exact ?? mine.prefix!, wf.exact ?? wf.prefix!];
    return !p.startsWith(q) && !q.startsWith(p);
  });
}

/**
 * Pattern: setActive(userId, active) { await prisma.user.update({ where: { id: userId }, data: { active } });
 * await activeStatusUpdate(userId, active) } — a key named for something else (`auth:active:{}`)
 * holds what the write wrote: its key is built from the id the write targets, and its value is a
 * parameter the written data is built from.
 */
function storesWrittenField(op: CacheOp, w: DbWrite): boolean {
  const row = w.row?.text;
  if (!row || w.fn !== op.call.fn || !w.fromParams?.length || !op.key?.parts.some((p) => 'hole' in p && p.hole === row)) return false;
  const keyArg = op.call.key?.span;
  return op.call.args.some((a) => a.param !== undefined && w.fromParams!.includes(a.param) && a.span.start !== keyArg?.start);
}

/**
 * Pattern: `order_status:{}` filled from `prisma.order.findUnique(…)` on a miss, set after an order
 * update — the key's fills load the written entity: the set puts a copy of its row back.
 */
function filledFrom(key: KeyModel | undefined, entity: string): boolean {
  return !!key && fillsOf(key).some((x) => x.valueEntities?.includes(entity) && key.readers.some((r) => r.fallback === 'db' && r.file === x.file && r.call.fn === x.call.fn));
}

function deadReader(project: ProjectIndex, r: CacheOp): boolean {
  const f = project.files.get(r.file);
  return !!f && isUncalled(project, f, r.call.fn);
}

export const setAfterCommit: Rule<'setAfterWrite' | 'setAlongsideWrite' | 'setAfterWriteReplica' | 'setInHook' | 'setInHookReplica'> = {
  meta: {
    id: 'set-after-commit',
    description: 'Prefer deleting a cache key after a database write over setting it.',
    severity: 'warning',
    fix: 'suggestion',
    requiresTypeInfo: false,
    crossFile: false,
    messages: {
      setAfterWrite: 'Cache {{verb}} of {{key}} after the database write on line {{line}}: delete the key instead',
      setAlongsideWrite: 'Cache {{verb}} of {{key}} alongside the database write on line {{line}}: delete it after',
      setAfterWriteReplica: 'Copy of {{key}} set after the database write on line {{line}} can keep an older value',
      setInHook: 'Cache {{verb}} of {{key}} in a hook after the {{write}}: delete the key instead',
      setInHookReplica: 'Copy of {{key}} set in a hook after the {{write}} can keep an older value',
    },
    details: {
      setAfterWrite:
        'Two writers can commit `{{write}}` in one order and set the cache in the other: the older value stays cached until the TTL. A delete cannot lose this race.',
      setAlongsideWrite:
        'The set runs concurrently with `{{write}}` (one `Promise.all`), so it can land before the write commits, and two writers can commit in one order and set the cache in the other: the older value stays cached until the TTL. Swapping the set for a delete in the same `Promise.all` would not help (a reader could refill the old row before the commit): delete the key once the write is done.',
      setAfterWriteReplica:
        'Two writers can commit `{{write}}` in one order and set the copy in the other. No reader reloads it on a miss, so the older value stays until the next write, and deleting alone would leave reads empty.',
      setInHook:
        'The {{hook}} runs after each {{write}}: two writers can commit in one order and run the hook in the other, leaving the older value cached until the TTL. A delete cannot lose this race.',
      setInHookReplica:
        'The {{hook}} runs after each {{write}}: two writers can commit in one order and set the copy in the other. No reader reloads it on a miss, so the older value stays until the next write, and deleting alone would leave reads empty.',
    },
    help: 'Delete the key after the write and let the next read fill the cache.',
  },
  // docs/rules/set-after-commit.md: two writers, committed in one order, cached in the other
  timeline(messageId, race) {
    // a wrapper's method is named (`AppCache.put` sets …); a client verb is just "sets"
    // in an ORM hook the write is out of sight: the hook names it (`the TypeORM afterUpdate hook`, `User update`)
    const set = `${race.hook ? `the ${race.hook.label} ` : ''}sets ${keyWords(race.key)}`;
    const via = race.cacheVerb && /[.(]/.test(race.cacheVerb) ? ` with \`${race.cacheVerb}\`` : '';
    const write = race.hook ? `the ${race.hook.write}` : named(race.dbWrite, 'the database write');
    return {
      steps: [
        { actor: 'writer A', text: `${write} commits v1` },
        { actor: 'writer B', text: `${write} commits v2` },
        { actor: 'writer B', text: `${set} = v2${via}` },
        { actor: 'writer A', text: `${set} = v1${via}` },
      ],
      outcome: messageId === 'setAfterWriteReplica' || messageId === 'setInHookReplica' ? 'stale until the next write (no reader reloads it)' : `stale ${untilExpiry(race)}`,
    };
  },
  checkFile(file: LinkedFile, ctx) {
    if (file.kind) return;
    const writes = file.facts.dbWrites;
    for (const op of file.ops) {
      if (op.kind !== 'write' || op.nx || storesOnlyMarker(op) || op.forwarded || !VALUE_WRITES.has(op.verb)) continue;
      // a lock, a counter or job state is no copy of the row: nothing to go stale. A replica of
      // rows that readers use as they find it (nothing reloads it) does go stale: reported, no delete
      const key = ctx.project.model.keyOf(op);
      const role = ctx.project.model.roleOf(op);
      const replica = role === 'not-cache' && key?.kind === 'replica';
      if (role === 'not-cache' && !replica) continue;
      // Pattern: await repo.save(user); await redis.set(`admin:user:version:${id}`, 2) — a key of unknown
      // use set to a number written out is a flag (forcing a re-login), no copy of a row an older read
      // could put back (a status string, `'shipped'`, may well be the written column's copy)
      if (role === 'unknown' && !op.via && op.call.args[op.valueArg ?? 1]?.num !== undefined) continue;
      // every reader of the key sits in code no product code calls (`getLesson()` of a cache service
      // nothing uses): a set nobody reads leaves nothing stale anyone sees
      if (key && key.readers.length > 0 && key.readers.every((r) => deadReader(ctx.project, r))) continue;
      // a key every write keeps a second or two: a refill racing the write is gone as soon
      if (shortLived(key)) continue;
      // a read-through that fills the key after a miss is no write-through
      if (ctx.project.model.isFill(op)) continue;
      // Pattern: const id = genId(); await db.doc.create(…); await db.doc.update(…); await cache.set(`doc:${id}`, …) — a new key
      // (or inside a wrapper: saveState(id, state) with `state.version ||= genVersionId()` in it)
      if (op.minted) continue;
      // Pattern: const g = await this.get(id); await this.cacheGame({ ...g, ready }) — the live state is
      // kept in the cache and the database row is its snapshot: setting it after the snapshot is the update
      if (key && keptInPlace(key, ctx.project)) continue;
      // Pattern: hGet(k, 'strikes') → miss → hSet(k, 'strikes', n) fills one field; hSet(k, `track:${t}`, id)
      // after a write sets another, which no reader reloads: no refill of an old value can race it
      if (otherFieldThanFills(op, key, ctx.project)) continue;
      // Pattern: @AfterUpdate() recache() { redis.set(…) } — the write it follows is the hook's, out of sight
      const inHook = op.call.afterWrites.length === 0 ? hookFinding(op, file, role, replica) : undefined;
      if (inHook) {
        const fix = replica ? undefined : swapForDelete(op, file);
        ctx.report({
          file: file.file,
          span: findingSpan(op, file.text),
          messageId: inHook.messageId,
          data: { verb: verbLabel(op), key: keyLabel(op), ...inHook.data },
          related: [...inHook.related, ...viaRelated(ctx.project, op, `Where ${op.wrapper} sets the key`)],
          suggestions: fix ? [fix] : [],
          race: { key: keyShape(op), writer: fnName(file, op.call.fn), cacheVerb: verbLabel(op), hook: { label: inHook.data.hook, write: inHook.data.write }, ...ttlOfOp(op) },
        });
        continue;
      }
      const before: Prior[] = [
        ...op.call.afterWrites.map((i) => ({ write: writes[i], file: file.file, anchor: writes[i].span, label: writes[i].label, alongside: op.call.alongside?.includes(i) })),
        // Pattern: await this.users.setRoles(id, r); await this.perms.refresh(id)  (the write is in a called function)
        ...ctx.project.callGraph.priorWritesOf(op).map((p) => ({ write: p.write, file: p.file, anchor: p.callSpan, label: `${p.callLabel} → ${p.write.label}`, called: true, callId: p.callId, own: p.own })),
      ];
      const shape = op.key?.shape;
      // the value of a per-id key is rebuilt from rows of the written entity (`perms:{}` from
      // user-role rows); a global aggregate (`metrics:delivered_total`) is no copy of the row, unless
      // the set reloads it through the instance's loader (`localEmojisCache.refresh()` re-reads the rows)
      const fromRows = (w: DbWrite) => !!w.entity && !!op.valueEntities?.includes(w.entity) && (!!shape?.includes('{}') || !!op.reloaded);
      // a set after a create stores a key no reader can hold an older version of (an upsert may
      // update), unless the set reloads rows the create added to (`await mutings.insert(m);
      // mutingsCache.refresh(userId)`: a reader's older list can land after it)
      // a tally counted up somewhere down a called function (`recordClick()` → `UPDATE Link SET clicks = clicks + 1`)
      // is no write of what the set stores
      const candidates = before.filter(
        (p) => (p.write.kind !== 'create' || p.write.upsert || (op.reloaded && fromRows(p.write))) && !(!p.called && updatesNewRow(p.write, writes)) && !(p.called && p.write.counter),
      );
      if (candidates.length === 0) continue;
      const keyEntity = op.key?.shape ? entityOfShape(op.key.shape, true) : undefined;
      // the cached entity must be the one written, when both are visible (an audit insert then a session set is fine);
      // a key of unknown role, or a copy no reader reloads, must show it by its name (a session
      // written after a login update is no copy of the user row)
      // Pattern: redis.set(`copilot:tool-confirmation:${id}`, …) after a write of copilot_async_tool_calls, a key
      // nothing here reads: only the entity's own name shows it, not a word they share
      const unread = role === 'unknown' && !!key && key.readers.length === 0;
      const shown = (w: DbWrite) => !!shape && !!w.entity && (shapeNamesEntity(shape, w.entity, !unread) || (!unread && !!keyEntity && sameAggregate(keyEntity, w.entity)));
      // a write inside a called function must be shown to be the cached entity's: by the key's name
      // or by the rows the value is built from (a tenant instance cached after Tenant.create() is no row)
      // a replica (read as it is, never reloaded) must name the written entity: a value computed from
      // its rows (a rolling spend limit lowered by an expense's amount) is state of its own, no copy
      // a key that names no entity is the rows its value is built from, when those are seen
      // (`set(enrollmentKey, savedEnrollment)` after a save of module tracks: no copy of a track)
      const ofValue = (w: DbWrite) => !w.entity || !op.valueEntities?.length || op.valueEntities.some((e) => sameAggregate(e, w.entity!));
      const related = candidates.filter((p) => {
        const { write: w, called } = p;
        if (replica) return shown(w);
        if (fromRows(w) || (called && role === 'cache' && storesResultOf(op, p, file))) return true;
        return role === 'unknown' || called ? shown(w) : keyEntity ? !w.entity || sameAggregate(keyEntity, w.entity) || storesWrittenField(op, w) || filledFrom(key, w.entity) : ofValue(w);
      });
      if (related.length === 0) continue;
      // name the write of the rows the value is rebuilt from, over a later call that writes something else
      const prior = related.filter((p) => !p.called && fromRows(p.write)).pop() ?? related[related.length - 1];
      // Pattern: const release = await this.lock(id); … await this.saveState(id, s) — writers take turns, and
      // a copy no reader reloads has no other race
      if (replica && op.call.locked) continue;
      // readers that use the copy as it is would find nothing after a delete: no such fix; a delete in
      // the same `Promise.all` as the write could run before it commits: no swap either
      const fix = replica || prior.alongside ? undefined : swapForDelete(op, file);
      const messageId = replica ? 'setAfterWriteReplica' : prior.alongside ? 'setAlongsideWrite' : 'setAfterWrite';
      ctx.report({
        file: file.file,
        span: findingSpan(op, file.text),
        messageId,
        data: fitted(setAfterCommit.meta.messages[messageId], op, { verb: verbLabel(op), key: keyLabel(op), write: prior.label, line: lineOf(file.text, prior.anchor.start) }),
        related: [
          { file: file.file, span: prior.anchor, message: `Database write this cache ${op.wrapper ? 'write' : op.verb} races with${prior.alongside ? ', run concurrently' : ''}` },
          ...(prior.file !== file.file || prior.anchor !== prior.write.span
            ? [{ file: prior.file, span: prior.write.span, message: `The database write itself, inside the called function` }]
            : []),
          ...viaRelated(ctx.project, op, `Where ${op.wrapper} sets the key`),
        ],
        suggestions: fix ? [fix] : [],
        race: {
          key: keyShape(op),
          writer: fnName(file, op.call.fn),
          dbWrite: prior.label,
          cacheVerb: verbLabel(op),
          entity: prior.write.entity,
          ...ttlOfOp(op),
        },
      });
    }
  },
};
