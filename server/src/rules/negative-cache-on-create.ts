// negative-cache-on-create: a read path caches "not found", and creating that entity never clears it.
// Docs: docs/rules/negative-cache-on-create.md
import { fileIndex } from './file-index';
import { judgedWrites } from './judged';
import { driftBetween, entityOfShape, shapeNamesEntity, shapesMatch } from '../facts/keys/shapes';
import type { FileFacts } from '../facts/types';
import type { CacheOp, LinkedFile, ProjectIndex, Rule } from '../rule';
import { clearedByCallers, clears, clearingIndex, namesAround, scopeOf, type ClearingIndex, type Reaches } from './clearing';
import { insertDelete } from './negative-cache-on-create.fix';
import { fnName, keyWords, named, ttlOfOp, untilExpiry } from './timeline';
import { lineOf, shortPath } from './util';

interface Sentinel {
  op: CacheOp;
  shape: string;
  entities: Set<string>;
  /** what the lookup's filter pins (`{ status: RoomStatus.Live }`), when every lookup of the entities pins it */
  pins?: Record<string, string>;
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

/** The files that write a not-found marker somewhere, in project order (kept up to date per changed file). */
function sentinelFiles(project: ProjectIndex): string[] {
  const ix = fileIndex<true>(project, 'negative-cache:sentinel-files', 'links', (file, add) => {
    if (file.ops.some((op) => op.sentinel && !op.everyPath)) add('files', true);
  });
  return ix.get('files').map((e) => e.file);
}

function sentinelWrites(ix: ClearingIndex, files: readonly string[]): Sentinel[] {
  const out: Sentinel[] = [];
  for (const op of files.flatMap((f) => ix.project.files.get(f)?.ops ?? [])) {
    // `SET lock:42 '' NX EX 30` takes a lock; it does not remember a miss
    if (op.kind !== 'write' || !op.sentinel || op.nx || op.forwarded || !op.key?.shape || op.call.fn === 0) continue;
    // Pattern: setex(`game:timer:${id}`, t, '') once the game starts — written on every path, it remembers no miss
    if (op.everyPath) continue;
    if (ix.project.files.get(op.file)?.kind) continue;
    const shape = op.key.shape;
    const file = ix.project.files.get(op.file)!;
    // the entity the read path queried, when its key names it: `''` under `webhook:seen:{}` after an
    // order lookup is a dedup flag, and `user:{}` cached after a session lookup is about users
    // Pattern: getValueByKey(key) { …findByKey(key); await this.redis.setConfigCache(key, value || '') }
    // called from a user create: the helper's own lookup is the read path, not its caller's
    const reader = readPathOf(ix, op) ?? { file, fn: op.call.fn };
    const looked = [...scopeOf(reader.file, reader.fn)].flatMap((fn) => [...readsOf(reader.file, fn)]);
    let entities = new Set(looked.filter((e) => shapeNamesEntity(shape, e, true)));
    // Pattern: const m = await this.members.findById(id) — the lookup is in a helper the read path calls
    if (entities.size === 0) entities = calleeEntities(ix, reader.file, reader.fn, shape);
    // Pattern: cache.set(`space-restrictions:${id}`, hasRestrictions) — false says the space has no
    // restricted pages, not that there is no space: only a create of what the flag looks for clears it
    const flag = op.valueFlagOf;
    if (flag && !ACCESS_FLAGS.test(flag)) entities = new Set([...entities].filter((e) => shapeNamesEntity(flag, e, true)));
    // Pattern: const repos = await (await fetch(url)).json(); set(k, repos.length ? repos : []) — the
    // answer "none" is another service's; no row created here makes it exist there
    if (op.valueSrc === 'http') continue;
    // Pattern: if (await redis.exists(k)) throw 'reported recently'; … setex(k, 3600, '') — a marker only
    // its presence is asked of: its empty value is never read back as "no such row"
    const readers = ix.project.model.keyOf(op)?.readers ?? [];
    if (readers.length > 0 && readers.every((r) => PRESENCE.has(r.verb.toLowerCase()))) continue;
    if (entities.size > 0) out.push({ op, shape, entities, ...lookupPins(reader.file, scopeOf(reader.file, reader.fn), entities) });
  }
  return out;
}


/**
 * The constants every lookup of `entities` in the read path pins its filter to (`exists({ where: {
 * status: RoomStatus.Live } })`): "none found" is about rows with those values only.
 */
function lookupPins(file: LinkedFile, scope: ReadonlySet<number>, entities: ReadonlySet<string>): { pins?: Record<string, string> } {
  const reads = file.facts.dbReads.filter((r) => scope.has(r.fn) && r.entity && entities.has(r.entity));
  if (reads.length === 0 || reads.some((r) => !r.pins)) return {};
  const pins = Object.fromEntries(Object.entries(reads[0].pins!).filter(([f, v]) => reads.every((r) => r.pins![f] === v)));
  return Object.keys(pins).length > 0 ? { pins } : {};
}

/**
 * Pattern: the lookup asks `exists({ where: { status: RoomStatus.Live } })`; the create inserts `{
 * status: RoomStatus.Created }` — the new row is not one the lookup finds, so "none found" stays true.
 */
function notLookedUp(s: Sentinel, sets: Record<string, string> | undefined): boolean {
  return !!s.pins && !!sets && Object.entries(s.pins).some(([f, v]) => f in sets && sets[f] !== v);
}

/**
 * `this.usersRepo.findById(id)` where some project function `findById` reads an entity the key
 * names (`user:{}`, `repoLookup:{}` for `repositories`).
 */
function calleeEntities(ix: ClearingIndex, file: LinkedFile, fn: number, shape: string): Set<string> {
  const keyEntity = entityOfShape(shape, true);
  for (const c of new Set(file.facts.fns[fn - 1]?.calls ?? []))
    for (const f of ix.byName(c)) {
      const reads = readsOf(f.file, f.fn);
      if (keyEntity && reads.has(keyEntity)) return new Set([keyEntity]);
      const named = [...reads].filter((e) => shapeNamesEntity(shape, e, true));
      if (named.length > 0) return new Set(named);
    }
  return new Set();
}

/**
 * The function that loads what a helper's call caches, when the helper decides the value itself
 * (an `echo` op: a read-through helper called with the caller's key): the helper's, not the caller's.
 */
function readPathOf(ix: ClearingIndex, op: CacheOp): { file: LinkedFile; fn: number } | undefined {
  if (!op.echo || !op.via) return undefined;
  const file = ix.project.files.get(op.via.file);
  const fn = file?.facts.calls[op.via.callId]?.fn;
  // a helper that only stores what it is handed (`set: (k, v) => cache.set(k, v)`) looks nothing up:
  // the caller's lookup is the read path then
  return file && fn && readsOf(file, fn).size > 0 ? { file, fn } : undefined;
}

/** Reads that ask only whether a key is there. */
const PRESENCE = new Set(['exists', 'hexists', 'sismember', 'smismember', 'ttl', 'pttl', 'has']);

/** What an existence flag may look for that a membership or grant row gives: `hasAccess`, `hasPermission`. */
const ACCESS_FLAGS = /^(access|permission|permissions|role|roles|membership|member|rights|grant|grants)$/;

/** Whether a key of this shape is the marker's (a drifted one, `users:{}` for `user:{}`, is key-drift's finding, not a second one here). */
function reachesMarker(s: Sentinel): Reaches {
  // a computed key the analysis cannot spell may well be the marker's
  return (shape) => !shape || shapesMatch(shape, s.shape) || !!driftBetween(shape, s.shape);
}

export const negativeCacheOnCreate: Rule<'createKeepsNegative' | 'restoreKeepsNegative'> = {
  meta: {
    id: 'negative-cache-on-create',
    description: 'Require creates to clear a cached not-found entry for the same key.',
    severity: 'warning',
    fix: 'suggestion',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      createKeepsNegative: 'Creating {{entity}} leaves the cached not-found entry {{key}} in place',
      restoreKeepsNegative: 'Restoring deleted {{entity}} rows leaves the cached not-found entry {{key}} in place',
    },
    details: {
      createKeepsNegative: 'The read path caches it at {{where}}. Whoever looked the {{entity}} up just before it existed keeps getting "not found" from {{key}}: the new record stays invisible until that entry expires.',
      restoreKeepsNegative: 'The read path caches it at {{where}}. Whoever looked the {{entity}} up while it was deleted keeps getting "not found" from {{key}}: the restored record stays invisible until that entry expires.',
    },
    help: 'Delete the key the read path uses right after the create (or overwrite it with the new record).',
  },
  // docs/rules/negative-cache-on-create.md: a miss cached just before the row exists
  timeline(messageId, race) {
    const reader = named(race.reader, 'a reader');
    const key = keyWords(race.key);
    const create = `${messageId === 'restoreKeepsNegative' ? 'restores the deleted row' : 'commits the new row'}${race.dbWrite ? ` with \`${race.dbWrite}\`` : ''}`;
    return {
      steps: [
        { actor: 'reader', text: `${reader} misses ${key} and finds no row` },
        { actor: 'reader', text: `${reader} caches ${key} = not found` },
        { actor: 'writer', text: `${named(race.writer, 'a create path')} ${create}; ${key} still says not found` },
        { actor: 'reader', text: `${reader} hits ${key} = not found` },
      ],
      outcome: `the new ${race.entity ?? 'record'} is invisible ${untilExpiry(race)}`,
    };
  },
  checkProject(project, ctx) {
    const files = sentinelFiles(project);
    if (files.length === 0) return;
    const ix = clearingIndex(project);
    const sentinels = sentinelWrites(ix, files);
    if (sentinels.length === 0) return;
    const cached = new Set(sentinels.flatMap((s) => [...s.entities]));
    for (const create of judgedWrites(project, ctx)) {
      // a create at module top level is a seed or migration script, run before anyone reads
      // Pattern: UPDATE repositories SET "deletedAt" = NULL — a restore makes rows readers skipped appear, as a create does
      if ((create.kind !== 'create' && !create.restores) || !create.entity || create.fn === 0 || !cached.has(create.entity) || !ctx.wants(create.file)) continue;
      const file = project.files.get(create.file);
      // tests and seed scripts create records nobody has read yet
      if (!file || file.kind) continue;
      const scope = scopeOf(file, create.fn);
      for (const s of sentinels) {
        if (!s.entities.has(create.entity) || notLookedUp(s, create.sets)) continue;
        // a get-or-create that writes the marker itself manages its own key
        if (s.op.file === file.file && scope.has(s.op.call.fn)) continue;
        const reaches = reachesMarker(s);
        if (clears(ix, file, create.fn, reaches, { scope, skip: s.op }) || clearedByCallers(ix, namesAround(file, create.fn), reaches, { file, fn: create.fn })) continue;
        const readFile = project.files.get(s.op.file)!;
        const fix = insertDelete(project, create, s.op, s.shape, create.entity);
        ctx.report({
          file: create.file,
          span: create.span,
          messageId: create.kind === 'create' ? 'createKeepsNegative' : 'restoreKeepsNegative',
          data: { entity: create.entity, key: `'${s.shape}'`, where: `${shortPath(s.op.file)}:${lineOf(readFile.text, s.op.call.span.start)}` },
          related: [{ file: s.op.file, span: s.op.call.span, message: `Read path that caches "not found" under '${s.shape}'` }],
          suggestions: fix ? [fix] : [],
          race: { key: s.shape, reader: fnName(readFile, s.op.call.fn), writer: fnName(file, create.fn), dbWrite: create.label, entity: create.entity, dbWriteKind: 'create', ...ttlOfOp(s.op) },
        });
        break; // one finding per create
      }
    }
  },
};
