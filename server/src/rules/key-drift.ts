// key-drift: a write or invalidation builds the key differently from the reads, so it hits nothing.
// Docs: docs/rules/key-drift.md
import { scopeOf } from './clearing';
import { judgedOps } from './judged';
import { isRedisLib } from '../facts/cache/client-modules';
import { driftBetween, entityOfShape, namesWord, shapesMatch, slotsOf } from '../facts/keys/shapes';
import type { CacheOp, Fix, LinkedFile, ProjectIndex, RaceNames, Related, ReportDescriptor, Rule } from '../rule';
import { rewriteKey, type ReadSite } from './key-drift.fix';
import { fnName, fnOfOp, keyWords, named, ttlOfKey, untilExpiry } from './timeline';
import { shortPath } from './util';

const meaningfulShapes = new Map<string, boolean>();

/** Shapes worth comparing: some literal text besides separators (asked of every op on every run: kept per shape). */
function meaningful(shape: string | undefined): shape is string {
  if (!shape) return false;
  let m = meaningfulShapes.get(shape);
  if (m === undefined) {
    if (meaningfulShapes.size > 50_000) meaningfulShapes.clear();
    m = namesWord(shape);
    meaningfulShapes.set(shape, m);
  }
  return m;
}

/** Tests and scripts say nothing of the keys the product uses (model/file-kinds.ts). */
function inProduct(project: ProjectIndex, file: string): boolean {
  return !project.files.get(file)?.kind;
}

function readSites(project: ProjectIndex): ReadSite[] {
  const reads: ReadSite[] = [];
  // a read whose key holds text cut out of another key (KeyPart `cut`) is left out: its separators are not seen
  for (const op of project.ops)
    if (op.kind === 'read' && !op.forwarded && meaningful(op.key?.shape) && inProduct(project, op.file) && !op.key!.parts.some((p) => 'hole' in p && p.cut)) {
      reads.push({ file: op.file, span: op.call.span, shape: op.key!.shape!, op });
      // a decorator's key when a scope is set (`${NAME}${tenantId}:${key}`) is read too
      if (op.key!.scoped) reads.push({ file: op.file, span: op.call.span, shape: op.key!.scoped.shape, op });
    }
  // an unresolved receiver reading a literal key still counts as a use of that key
  for (const r of project.looseReads) if (inProduct(project, r.file)) reads.push({ file: r.file, span: r.call.span, shape: r.shape });
  return reads;
}

/**
 * Whether the op's function also writes (or deletes) the read shape itself. Then the odd key is
 * deliberate: a migration that clears the legacy key next to the current one (`del('product:1')`
 * and `del('product:v2:1')`), or a dual write for readers that have not moved yet.
 */
function coveredBySibling(project: ProjectIndex, op: CacheOp, readShape: string): boolean {
  const file = project.files.get(op.file);
  if (!file) return false;
  // the same method, or a callback in it (`await Promise.all(modes.map(async (m) => del(…)))`)
  const scope = scopeOf(file, op.call.fn);
  return file.ops.some((o) => o !== op && scope.has(o.call.fn) && o.kind === op.kind && !!o.key?.shape && shapesMatch(o.key.shape, readShape));
}


/**
 * The Redis data type a verb works on: a `sadd` to `products:<category>` and a `get` of
 * `product:<id>` cannot be one key spelled two ways (the get would fail with WRONGTYPE), so they
 * are never compared. `any` (exists, ttl, type) and non-Redis stores are compatible with all.
 */
function dataType(op: CacheOp): string {
  if (!isRedisLib(op.lib)) return 'any';
  const v = op.verb.toLowerCase();
  if (/^(get|getex|getdel|getbuffer|getset|strlen|mget|set|setex|psetex|setnx|mset|msetnx|incr|incrby|decr|decrby)$/.test(v)) return 'string';
  if (/^h/.test(v)) return 'hash';
  if (/^s(add|members|ismember|card|rem|pop|randmember)$/.test(v)) return 'set';
  if (/^(l|r)(push|pushx|range|len|index|pop|rem)$/.test(v)) return 'list';
  if (/^z/.test(v)) return 'zset';
  return 'any';
}

function compatible(a: CacheOp, b: CacheOp | undefined): boolean {
  if (!b) return true;
  const x = dataType(a);
  const y = dataType(b);
  return x === 'any' || y === 'any' || x === y;
}

function memo<T>(f: (s: string) => T): (s: string) => T {
  const m = new Map<string, T>();
  return (s) => {
    if (!m.has(s)) m.set(s, f(s));
    return m.get(s)!;
  };
}

/** Shapes indexed by their leading literal word (`product` of `product:v2:{}`); hole-led ones match any. */
function byLead(shapes: string[]): { exact: Set<string>; candidates(s: string): string[] } {
  const lead = (s: string) => /^[^:{}/._-]*/.exec(s)![0].toLowerCase();
  const groups = new Map<string, string[]>();
  const open: string[] = [];
  for (const s of shapes) {
    if (s.startsWith('{}')) open.push(s);
    else {
      const k = lead(s);
      const g = groups.get(k);
      if (g) g.push(s);
      else groups.set(k, [s]);
    }
  }
  return {
    exact: new Set(shapes),
    candidates: (s) => (s.startsWith('{}') ? shapes : [...(groups.get(lead(s)) ?? []), ...open]),
  };
}

interface ShapeQueries {
  isRead(shape: string): boolean;
  isUsed(shape: string): boolean;
  /** the read shapes `shape` matches (the same runtime key) */
  readShapeMatches(shape: string): readonly string[];
  /** the read shapes `shape` is a cosmetic variant of, with the reason */
  driftingShapes(shape: string): { shape: string; reason: string }[];
  /** the family of keys spelled `before` + one fixed word + `after` (fixedWordFamilies) */
  family: FixedWordFamilies;
}

type FixedWordFamilies = (before: string, after: string) => { word: string; shapes: Set<string> } | undefined;

/**
 * Questions about shapes, answered once per distinct shape and kept while the project's read and
 * used shapes stay the same (an edit in one file rarely changes them): exact matches first, then
 * only the shapes that can match (same leading word, or a leading hole).
 */
function shapeQueries(project: ProjectIndex, readShapes: string[], usedShapes: string[]): ShapeQueries {
  const id = `${readShapes.join('\0')}\u0001${usedShapes.join('\0')}`;
  const kept = project.memo.get('key-drift:shapes') as { id: string; queries: ShapeQueries } | undefined;
  if (kept?.id === id) return kept.queries;
  const readIndex = byLead(readShapes);
  const usedIndex = byLead(usedShapes);
  const queries: ShapeQueries = {
    isRead: memo((s) => readIndex.exact.has(s) || readIndex.candidates(s).some((r) => shapesMatch(s, r))),
    isUsed: memo((s) => usedIndex.exact.has(s) || usedIndex.candidates(s).some((u) => shapesMatch(u, s))),
    readShapeMatches: memo((s) => [...new Set([...(readIndex.exact.has(s) ? [s] : []), ...readIndex.candidates(s).filter((r) => shapesMatch(s, r))])]),
    driftingShapes: memo((s) => {
      const out: { shape: string; reason: string }[] = [];
      for (const rs of readShapes) {
        const reason = driftBetween(s, rs);
        if (reason) out.push({ shape: rs, reason });
      }
      return out;
    }),
    family: fixedWordFamilies(readShapes, usedShapes),
  };
  project.memo.set('key-drift:shapes', { id, queries });
  return queries;
}

/** A literal `*` in a deleted key: DEL and its wrappers remove one key by name, never a pattern. */
function isPattern(shape: string): boolean {
  return slotsOf(shape).some((lit) => lit.includes('*'));
}

/**
 * The SCAN loop that does what `redis.del('cfg:*')` means (ioredis, awaited statement only):
 * `for await (const keys of redis.scanStream({ match: 'cfg:*' })) if (keys.length) await redis.unlink(...keys);`
 */
function scanLoopFix(file: LinkedFile, op: CacheOp): Fix | undefined {
  const { call } = op;
  if (op.lib !== 'ioredis' || op.via || !call.stmt || !call.key || call.pipeline !== undefined) return undefined;
  const lineStart = file.text.lastIndexOf('\n', call.span.start - 1) + 1;
  const lead = /^(\s*)await\s+$/.exec(file.text.slice(lineStart, call.span.start));
  if (!lead) return undefined;
  const recv = file.text.slice(call.receiverSpan.start, call.receiverSpan.end);
  const text = `for await (const keys of ${recv}.scanStream({ match: ${call.key.text} })) if (keys.length) await ${recv}.unlink(...keys);`;
  return { title: 'Delete the matching keys with a SCAN loop', kind: 'suggestion', edits: [{ start: lineStart + lead[1].length, end: call.stmt.end, text }] };
}

/**
 * Pattern: invalidateLinks(slugs) into `(slugs, domain = 'example.com')` while reads pass the
 * request's domain: the key the call builds with the default is a special case of the read shape.
 */
function defaultDrift(op: CacheOp, readShapes: readonly string[]): { read: string; param: string; value: string } | undefined {
  const { shape, openShape, defaults } = op.key!;
  if (!openShape || !defaults?.length) return undefined;
  const read = readShapes.find((r) => r !== shape && shapesMatch(openShape, r) && shapesMatch(r, openShape));
  return read ? { read, param: defaults[0].param, value: defaults[0].value } : undefined;
}

/** The names of a drift's race: the read path, the write path and its database write, the read key's TTL. */
function raceOf(project: ProjectIndex, op: CacheOp, written: string, read: string | undefined, reads: readonly ReadSite[] | undefined): RaceNames {
  const file = project.files.get(op.file);
  const dbWrite = op.call.afterWrites.length > 0 ? file?.facts.dbWrites[op.call.afterWrites[op.call.afterWrites.length - 1]] : undefined;
  const reader = reads?.map((r) => (r.op ? fnOfOp(project, r.op) : undefined)).find((n) => n);
  const readKey = read ? project.model.keys.get(read) : undefined;
  return {
    key: written,
    readKey: read,
    reader,
    writer: fnName(file, op.call.fn),
    dbWrite: dbWrite?.label,
    entity: dbWrite?.entity,
    cacheVerb: op.kind === 'delete' ? 'delete' : 'set',
    ...ttlOfKey(readKey),
  };
}

/** A hole that holds a record's id: `tenant.id`, `tenantId`, `user_id`, `row.uuid`. */
const ID_HOLE = /(?:^|\.)(?:id|uuid|_id)$|[a-z0-9]Id$|_id$/;

/**
 * The key families read or written with one fixed word in one place (`memberAttributes:default`
 * for `memberAttributes:` + `{}`): the word and the shapes that spell it, or undefined when some
 * read or write puts anything else there (a value, more than one segment: per-record keys). Each
 * family is answered once per run, over the shapes sorted, from the range sharing its prefix.
 */
function fixedWordFamilies(readShapes: readonly string[], usedShapes: readonly string[]): FixedWordFamilies {
  // sorted on the first question: in the editor most runs judge no delete with an id hole
  let sorted: string[] | undefined;
  const known = new Map<string, { word: string; shapes: Set<string> } | null>();
  const first = (prefix: string) => {
    sorted ??= [...new Set([...readShapes, ...usedShapes])].sort();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const family = (before: string, after: string) => {
    const words = new Set<string>();
    const shapes = new Set<string>();
    for (let i = first(before); i < sorted!.length && sorted![i].startsWith(before); i++) {
      const s = sorted![i];
      if (!s.endsWith(after) || s.length <= before.length + after.length) continue;
      const v = s.slice(before.length, s.length - after.length);
      // a value in that place, or more than one segment: the family holds per-record keys
      if (!/^[A-Za-z][A-Za-z_-]*$/.test(v)) return undefined;
      words.add(v);
      shapes.add(s);
    }
    return words.size === 1 ? { word: [...words][0], shapes } : undefined;
  };
  return (before, after) => {
    const k = `${before}\0${after}`;
    if (!known.has(k)) known.set(k, family(before, after) ?? null);
    return known.get(k) ?? undefined;
  };
}

/**
 * A delete whose one hole is an id, in a key family every read and write spells with one fixed
 * word there (`memberAttributes:{tenant.id}` against `memberAttributes:default`): the id never
 * equals the word, so the delete never reaches the entry. Any read or write with a value in that
 * place (`memberAttributes:{}`) makes the family per-record: then nothing is reported.
 */
function fixedWordDrift(op: CacheOp, shape: string, reads: readonly ReadSite[], families: FixedWordFamilies): { reads: ReadSite[]; word: string; hole: string } | undefined {
  const holes = (op.key?.parts ?? []).filter((p): p is { hole: string } => 'hole' in p);
  if (holes.length !== 1 || !ID_HOLE.test(holes[0].hole) || shape.split('{}').length !== 2) return undefined;
  const [before, after] = shape.split('{}');
  // the hole must fill a whole segment: `x:{}` or `x:{}:y`, not `x{}` or `x:{}-v`
  if (!/[:/.|#]$/.test(before) || !(after === '' || /^[:/.|#]/.test(after))) return undefined;
  const family = families(before, after);
  const matching = family ? reads.filter((r) => r.op && family.shapes.has(r.shape)) : [];
  if (!family || matching.length === 0) return undefined;
  return { reads: matching, word: family.word, hole: holes[0].hole };
}

/**
 * Pattern: every read of the shape is a decorator's that puts a scope in the key whenever one is
 * set (`tenantId ? \`${NAME}${tenantId}:${key}\` : \`${NAME}${key}\``), and this write or delete
 * leaves the scope out: it reaches only the entries read when no scope is set.
 */
function scopeDrift(op: CacheOp, shape: string, reads: readonly ReadSite[], scopedShapes: readonly string[], readShapeMatches: (s: string) => readonly string[]): { reads: ReadSite[]; read: string; by: string } | undefined {
  // most projects have no scoped decorator key: nothing to compare, and nothing per op
  if (op.key?.scoped || !scopedShapes.some((s) => s === shape || shapesMatch(shape, s))) return undefined;
  const shapes = new Set(readShapeMatches(shape));
  const matching = reads.filter((r) => shapes.has(r.shape));
  const scoped = matching.map((r) => r.op?.key?.scoped);
  if (matching.length === 0 || !scoped.every((s) => !!s)) return undefined;
  // the op spells the scoped key itself (`${NAME}${tenantId}:${key}` by hand): not this case
  if (scoped.some((s) => shapesMatch(shape, s!.shape))) return undefined;
  return { reads: matching, read: scoped[0]!.shape, by: scoped[0]!.by };
}

/** Where a request's values come from: `req.params.id` is the record's own id. */
const REQUEST_PARTS = /^(req|request|params|query|body|input|dto|data|args|ctx|payload)$/;

/** Words that scope a key to a tenant or a container rather than name the record. */
const SCOPE_WORD = /^(tenant|org|organization|organisation|workspace|team|project|account|company|shop|store|site|app|space|guild|merchant|locale|lang|language)$/;

/**
 * What each hole of a key stands for, by its last name: `tenantId` and `tenant.id` → `tenant`,
 * `invoiceId` → `invoice`, a bare `id` → the key's own entity. Undefined when a hole is no name.
 */
function holeWords(op: CacheOp, shape: string): string[] | undefined {
  const holes = (op.key?.parts ?? []).filter((p): p is { hole: string } => 'hole' in p);
  if (holes.length < 2) return undefined;
  const own = entityOfShape(shape);
  const words: string[] = [];
  for (const { hole } of holes) {
    // `invoice.id`, `tenantId`, `req.header('x-tenant')`, `req.params.id`: the last word names it
    const tokens = hole.match(/[A-Za-z_$][\w$]*/g);
    if (!tokens) return undefined;
    let w = tokens[tokens.length - 1].replace(/(?<=[a-z0-9])(?:Id|_id|ID)$/, '').toLowerCase();
    if (/^(?:id|_id|uuid)$/.test(w)) {
      const before = tokens.length > 1 ? tokens[tokens.length - 2].toLowerCase() : undefined;
      w = !before || REQUEST_PARTS.test(before) ? (own ?? w) : before;
    }
    words.push(w);
  }
  return new Set(words).size === words.length ? words : undefined;
}

/**
 * Pattern: reads cache `invoice:${id}:${tenantId}`, the payment path deletes
 * `invoice:${tenantId}:${invoiceId}` — one shape, the same parts in another order: the tenant
 * never equals the invoice id, so the delete reaches no entry. Only a swap of a scope (tenant,
 * workspace…) with the record is judged: two ids of one kind (`follow:{a}:{b}`) may be swapped on purpose.
 */
function swappedParts(op: CacheOp, shape: string, sameShapeReads: readonly ReadSite[]): { reads: ReadSite[]; read: string; written: string; order: number[] } | undefined {
  const mine = holeWords(op, shape);
  if (!mine || !mine.some((w) => SCOPE_WORD.test(w))) return undefined;
  const spelled = (words: readonly string[]) => {
    let i = 0;
    return shape.replace(/\{\}/g, () => `{${words[i++]}}`);
  };
  const orders = sameShapeReads.map((r) => ({ r, words: r.op ? holeWords(r.op, shape) : undefined }));
  // some read spells it this way (or cannot be told): the delete reaches those entries
  if (orders.some((o) => !o.words || o.words.join() === mine.join())) return undefined;
  const swapped = orders.filter((o) => o.words!.length === mine.length && [...o.words!].sort().join() === [...mine].sort().join());
  if (swapped.length === 0 || swapped.length !== orders.length) return undefined;
  const order = swapped[0].words!.map((w) => mine.indexOf(w));
  return { reads: swapped.map((o) => o.r), read: spelled(swapped[0].words!), written: spelled(mine), order };
}

/** The `drift` finding: `op` writes or deletes `shape`, the reads use `read` (for `reason`). */
function driftReport(
  project: ProjectIndex,
  op: CacheOp,
  shape: string,
  d: { read: string; reason: string; reads: readonly ReadSite[]; related: Related[]; fix?: Fix },
): ReportDescriptor<'drift'> {
  return {
    file: op.file,
    span: op.call.key?.span ?? op.call.span,
    messageId: 'drift',
    data: {
      action: op.kind === 'delete' ? 'Delete' : 'Cache write',
      what: op.kind === 'delete' ? 'delete' : 'write',
      written: `'${shape}'`,
      read: `'${d.read}'`,
      reason: d.reason,
    },
    related: d.related,
    suggestions: d.fix ? [d.fix] : [],
    race: raceOf(project, op, shape, d.read, d.reads),
  };
}

/** A key that holds copies: a cache, or a replica read as it is (not a lock, a marker or job state). */
function copyOfRows(project: ProjectIndex, op: CacheOp): boolean {
  const key = project.model.keyOf(op);
  return project.model.roleOf(op) !== 'not-cache' || key?.kind === 'replica';
}

/**
 * The reads of the delete's own file that put the value it deletes by (one bare hole) inside a key
 * with a word around it, when every read of that value there does and they agree on the shape.
 */
function prefixedReads(project: ProjectIndex, op: CacheOp, reads: readonly ReadSite[]): ReadSite[] {
  const parts = op.call.key?.parts;
  const hole = parts?.length === 1 && 'hole' in parts[0] ? parts[0].hole : undefined;
  const file = project.files.get(op.file);
  if (!hole || !file) return [];
  const receiver = (o: CacheOp) => file.text.slice(o.call.receiverSpan.start, o.call.receiverSpan.end);
  const bare = (o: CacheOp) => o.call.key?.parts.length === 1 && 'hole' in o.call.key.parts[0] && o.call.key.parts[0].hole === hole;
  // the bare value is a key of its own here: read or written as it is (`redis.get(key)`), or deleted
  // beside the prefixed one (`del(key); del(`${key}:ctype`)`)
  if (file.ops.some((o) => o !== op && o.kind !== 'delete' && bare(o))) return [];
  // reads through the same client only: `toolsCache.delete(userId)` is no drift of `connectorsCache`'s keys
  const same = reads.filter((r) => r.op && r.file === op.file && receiver(r.op) === receiver(op) && r.op.call.key?.parts.some((p) => 'hole' in p && p.hole === hole));
  const shapes = new Set(same.map((r) => r.shape));
  if (same.length === 0 || shapes.size !== 1 || !meaningful(same[0].shape)) return [];
  if (file.ops.some((o) => o.kind === 'delete' && o.call.fn === op.call.fn && o.key?.shape === same[0].shape)) return [];
  return same;
}

const readRelated = (reads: readonly ReadSite[], label = (r: ReadSite) => `Read that uses '${r.shape}' (${shortPath(r.file)})`): Related[] =>
  reads.slice(0, 5).map((r) => ({ file: r.file, span: r.span, message: label(r) }));

export const keyDrift: Rule<'drift' | 'deadDelete' | 'patternDelete' | 'defaultArgDrift'> = {
  meta: {
    id: 'key-drift',
    description: 'Require cache writes and invalidations to use the key shape the reads use.',
    severity: 'warning',
    fix: 'suggestion',
    requiresTypeInfo: false,
    crossFile: true,
    messages: {
      drift: '{{action}} of {{written}} misses the read key {{read}}',
      deadDelete: 'Delete of {{written}}, a key nothing reads or writes, invalidates nothing',
      patternDelete: 'Delete of {{written}} removes nothing: DEL takes key names, not patterns',
      defaultArgDrift: '{{action}} of {{written}} misses the read key {{read}}: {{param}} is left to its default',
    },
    details: {
      drift: 'Reads use {{read}}, this {{what}} uses {{written}} ({{reason}}): it succeeds, touches no cached entry, and readers keep the old value until it expires.',
      deadDelete: 'The project caches {{entity}} under {{others}}: this delete succeeds, removes nothing, and readers keep the old value until it expires.',
      patternDelete: 'No entry is named with a literal `*`, so this invalidates nothing. Find the keys with SCAN and delete those.',
      defaultArgDrift:
        'The call leaves {{param}} out, so the key is built with its default {{value}}: entries under any other {{param}} are never {{what}}.',
    },
    help: 'Build the key with the same builder or template the read path uses.',
  },
  // docs/rules/key-drift.md: the write path's delete (or set) lands beside the entry readers use
  timeline(messageId, race) {
    const reader = named(race.reader, 'a reader');
    const readKey = keyWords(race.readKey, 'the key the reads use');
    const written = keyWords(race.key);
    const commit = `commits v2${race.dbWrite ? ` with \`${race.dbWrite}\`` : ''}`;
    const deletes = race.cacheVerb === 'delete';
    const t2 =
      messageId === 'patternDelete'
        ? `DEL ${written} deletes only a key named with a literal \`*\``
        : deletes
          ? `deletes ${written}, which holds nothing`
          : `sets ${written} = v2, which no reader reads`;
    return {
      steps: [
        { actor: 'reader', text: `${reader} caches ${messageId === 'patternDelete' ? `an entry whose key matches ${written}` : readKey} = v1` },
        { actor: 'writer', text: `${named(race.writer, 'a write path')} ${commit}` },
        { actor: 'writer', text: t2 },
        { actor: 'reader', text: `${reader} hits ${messageId === 'patternDelete' ? 'that entry' : readKey} = v1` },
      ],
      outcome: `stale ${untilExpiry(race)}`,
    };
  },
  checkProject(project, ctx) {
    const reads = readSites(project);
    // every shape something other than a delete touches: writes, but also incr/expire/hdel
    // (a counter that is incremented and later deleted is not a dead delete)
    const usedShapes = [
      ...new Set(project.ops.filter((o) => o.kind !== 'delete' && o.kind !== 'read' && o.key?.shape && !o.forwarded && inProduct(project, o.file)).map((o) => o.key!.shape!)),
    ];
    const readShapes = [...new Set(reads.map((r) => r.shape))];
    const { isRead, isUsed, driftingShapes, readShapeMatches, family } = shapeQueries(project, readShapes, usedShapes);
    // the plain shapes of decorator reads that also have a scoped key (`${NAME}${key}` of a tenant conditional)
    const scopedShapes = [...new Set(reads.flatMap((r) => (r.op?.key?.scoped && r.shape === r.op.key.shape ? [r.shape] : [])))];
    const readOrder = new Map(reads.map((r, i) => [r, i]));
    // the reads of one file, grouped once (a bare-value delete is compared with its own file's reads)
    let byFile: Map<string, ReadSite[]> | undefined;
    const readsOf = (file: string): ReadSite[] => {
      if (!byFile) {
        byFile = new Map();
        for (const r of reads) {
          const g = byFile.get(r.file);
          if (g) g.push(r);
          else byFile.set(r.file, [r]);
        }
      }
      return byFile.get(file) ?? [];
    };
    const readsByShape = new Map<string, ReadSite[]>();
    for (const r of reads) {
      const g = readsByShape.get(r.shape);
      if (g) g.push(r);
      else readsByShape.set(r.shape, [r]);
    }
    // the reads whose shape is a close variant of a written shape, in the reads' own (file) order
    const driftingReads = (shape: string) =>
      driftingShapes(shape)
        .flatMap((d) => readsByShape.get(d.shape)!.map((r) => ({ r, reason: d.reason })))
        .sort((a, b) => readOrder.get(a.r)! - readOrder.get(b.r)!);

    for (const op of judgedOps(project, ctx)) {
      if ((op.kind !== 'write' && op.kind !== 'delete') || !ctx.wants(op.file) || !inProduct(project, op.file)) continue;
      // the call of a helper that leaves a defaulted key part out is where that default is chosen
      if (op.key?.defaults && op.key.shape && project.model.roleOf(op) !== 'not-cache') {
        const d = defaultDrift(op, readShapes);
        if (d) {
          ctx.report({
            file: op.file,
            span: op.call.span,
            messageId: 'defaultArgDrift',
            data: { action: op.kind === 'delete' ? 'Delete' : 'Cache write', written: `'${op.key.shape}'`, read: `'${d.read}'`, param: d.param, value: `'${d.value}'`, what: op.kind === 'delete' ? 'deleted' : 'written' },
            related: (readsByShape.get(d.read) ?? []).slice(0, 3).map((r) => ({ file: r.file, span: r.span, message: `Read that uses '${r.shape}' (${shortPath(r.file)})` })),
            suggestions: [],
            race: raceOf(project, op, op.key.shape, d.read, readsByShape.get(d.read)),
          });
          continue;
        }
      }
      // Pattern: evictCachedUser(userId) { redis.del(`${userId}`) } beside get(`user_${userId}`) in the
      // same module — the helper deletes the bare value: reported in it, whoever calls it
      const bare = op.kind === 'delete' && !op.key?.shape && !op.wrapper && project.model.roleOf(op) !== 'not-cache' ? prefixedReads(project, op, readsOf(op.file)).filter((r) => r.op && copyOfRows(project, r.op)) : [];
      if (bare.length > 0) {
        const reason = `the bare value, which every read of this file puts in '${bare[0].shape}'`;
        ctx.report(driftReport(project, op, '{}', { read: bare[0].shape, reason, reads: bare, related: readRelated(bare), fix: rewriteKey(project, op, bare[0]) }));
        continue;
      }
      // where the key is chosen: not inside a facade, not at the calls of a helper that builds it
      if (!project.model.isKeySite(op)) continue;
      // a queue, a lock or a counter spelled like a cache key is a different key, not a drifted one
      if (project.model.roleOf(op) === 'not-cache') continue;
      const shape = op.key?.shape;
      if (!meaningful(shape)) continue;
      // Pattern: redis.del('cfg:*') — a pattern handed to a delete that takes names
      // a KEYS/SCAN whose finds are deleted does expand its pattern: no key-drift of a name
      if (op.matching) continue;
      if (op.kind === 'delete' && isPattern(shape)) {
        const fix = scanLoopFix(project.files.get(op.file)!, op);
        ctx.report({
          file: op.file,
          span: op.call.key?.span ?? op.call.span,
          messageId: 'patternDelete',
          data: { written: `'${shape}'` },
          suggestions: fix ? [fix] : [],
          race: raceOf(project, op, shape, undefined, undefined),
        });
        continue;
      }
      // Pattern: cache.delete(tenant.id) while every read uses cache.get('default') — an id never spells that word
      const fixed = op.kind === 'delete' ? fixedWordDrift(op, shape, reads, family) : undefined;
      if (fixed && !fixed.reads.some((r) => coveredBySibling(project, op, r.shape))) {
        const reason = `an id (${fixed.hole}) where every read has the fixed word '${fixed.word}'`;
        ctx.report(driftReport(project, op, shape, { read: fixed.reads[0].shape, reason, reads: fixed.reads, related: readRelated(fixed.reads) }));
        continue;
      }
      // Pattern: @Cacheable keys by tenant when there is one; this delete never does
      const unscoped = scopeDrift(op, shape, reads, scopedShapes, readShapeMatches);
      if (unscoped) {
        const reason = `the reads put ${unscoped.by} in the key whenever it is set; this key is read only when it is not`;
        const related = readRelated(unscoped.reads, (r) => `Read that uses '${unscoped.read}' when ${unscoped.by} is set (${shortPath(r.file)})`);
        ctx.report(driftReport(project, op, shape, { read: unscoped.read, reason, reads: unscoped.reads, related }));
        continue;
      }
      // Pattern: del(`invoice:${tenantId}:${invoiceId}`) while the reads use `invoice:${id}:${tenantId}`
      const swapped = op.kind === 'delete' && isRead(shape) ? swappedParts(op, shape, readsByShape.get(shape) ?? []) : undefined;
      if (swapped && !coveredBySibling(project, op, shape)) {
        const reason = `the same parts in another order: ${swapped.written} against ${swapped.read}`;
        const fix = rewriteKey(project, op, swapped.reads[0], swapped.order);
        ctx.report(driftReport(project, op, swapped.written, { read: swapped.read, reason, reads: swapped.reads, related: readRelated(swapped.reads), fix }));
        continue;
      }
      if (isRead(shape)) continue;
      // a delete of a key this project writes does reach an entry (`sadd('sessions:1')` … `del('sessions:1')`)
      if (op.kind === 'delete' && isUsed(shape)) continue;
      // only reads through a resolved client are evidence of the shape the cache is read under
      const variants = driftingReads(shape).filter((v) => v.r.op && (op.kind === 'delete' || compatible(op, v.r.op)));
      if (variants.length > 0) {
        if (variants.some((v) => coveredBySibling(project, op, v.r.shape))) continue;
        // the explanation and the fix follow a read in the same file first, then any
        const ordered = [...variants.filter((v) => v.r.file === op.file), ...variants.filter((v) => v.r.file !== op.file)];
        const first = ordered[0];
        const related = readRelated(ordered.map((v) => v.r));
        const fix = rewriteKey(project, op, first.r);
        ctx.report(driftReport(project, op, shape, { read: first.r.shape, reason: first.reason!, reads: ordered.map((v) => v.r), related, fix }));
        continue;
      }
      if (op.kind !== 'delete') continue;
      // a delete of a shape nobody uses, for an entity the project does cache under other shapes
      const entity = entityOfShape(shape);
      if (!entity) continue;
      // (a key that is no cache, a session index under `user:sessions:{}`, is no copy the delete could be meant for)
      const same = reads.filter((r) => r.op && entityOfShape(r.shape) === entity && project.model.roleOf(r.op) === 'cache');
      if (same.length === 0) continue;
      // a stray delete next to one that does clear a read shape of the entity is legacy cleanup
      if (same.some((r) => coveredBySibling(project, op, r.shape))) continue;
      const others = [...new Set(same.map((r) => r.shape))];
      ctx.report({
        file: op.file,
        span: op.call.key?.span ?? op.call.span,
        messageId: 'deadDelete',
        data: { written: `'${shape}'`, entity, others: others.slice(0, 3).map((s) => `'${s}'`).join(', ') },
        related: same.slice(0, 5).map((r) => ({ file: r.file, span: r.span, message: `Read that uses '${r.shape}' (${shortPath(r.file)})` })),
        suggestions: [],
        race: raceOf(project, op, shape, others[0], same),
      });
    }
  },
};
