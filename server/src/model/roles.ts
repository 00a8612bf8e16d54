// Is a key a cache? The first question a reviewer asks, and so the first one cachelint answers:
// Redis holds queues, locks, counters, sessions, membership sets and job state as well as caches,
// and only caches go stale. Each op adds evidence for its key (cache-model.ts groups ops by key);
// the role follows from the evidence, and the evidence is shown with it (hover, JSON).
import { LIBS } from '../facts/cache/client-modules';
import type { CacheOp } from '../rule';
import type { Span } from '../facts/types';
import { followsWrite } from './hooks';

export type Role = 'cache' | 'not-cache' | 'unknown';

export interface Evidence {
  role: 'cache' | 'not-cache';
  /** `filled after a miss`, `popped as a queue`… (the place is added where it is shown) */
  reason: string;
  /** how much it weighs: strong evidence decides against weak evidence of the other role */
  strength: 'strong' | 'weak';
  file: string;
  span: Span;
}


const USE_REASONS: Record<string, string> = {
  queue: 'popped or trimmed as a queue',
  'rename-source': 'renamed into place (a temporary key)',
  counter: 'incremented as a counter',
  lock: 'set only if absent (a lock or marker)',
  membership: 'kept by SADD/SREM (a membership set)',
  pubsub: 'a pub/sub channel',
  stream: 'a stream',
  probabilistic: 'a HyperLogLog or bitmap',
  script: 'changed by a Lua script (EVAL): state the application keeps there',
};

/**
 * Words in a key that name a marker or a lock outright: `lock:order:1`, `webhook:seen:42`,
 * `usage-migration:7:done`. Strong: a read that finds one missing runs the work, which looks like
 * a reload but is not one.
 */
const MARKER_WORDS =
  /(^|[^a-z])(lock|locks|locked|mutex|semaphore|seen|processed|done|completed|finished|migrated|migration|idempotency|idempotent|dedup|dedupe|ratelimit|throttle|cooldowns?|inflight|claimed|sent|notified)([^a-z]|$)/i;

/**
 * A key named for a sequence number, the last or next one handed out: `{supplier}_lastOrderNumber`,
 * `invoice:next_no`, `order_seq`. Read, bumped and written back by the code that numbers rows: a
 * counter, even when a miss starts it from the newest row.
 */
const SEQUENCE_WORDS = /(?:^|[^a-z])(?:(?:last|next)[-_]?(?:[a-z]+[-_]?)*?(?:number|num|no|seq|sequence)|seq|sequence|serial)(?:[^a-z]|$)/i;

/** Words in a key that name state no read path reloads: sessions, tokens, locks, job state. */
const STATE_WORDS =
  /(^|[^a-z])(sess|session|sessions|token|tokens|jwt|refresh|otp|captcha|verify|verification|nonce|csrf|lock|locks|mutex|semaphore|ratelimit|rate|throttle|limiter|queue|job|jobs|task|tasks|idempotency|idempotent|dedup|dedupe|seen|processed|inflight|progress|cursor|checkpoint|heartbeat|presence|online|socket|ws)([^a-z]|$)/i;

/** Words of job and import state: keys filled by a job and deleted at its end. */
const SCRATCH_WORDS = /(^|[^a-z])(job|jobs|task|tasks|export|import|batch|run|sync|migration|tmp|temp|progress|step|pending|todo|staging)([^a-z]|$)/i;

const FILLED = 'filled after a miss';

function at(op: CacheOp, role: Evidence['role'], reason: string, strength: Evidence['strength']): Evidence {
  return { role, reason, strength, file: op.file, span: op.call.span };
}

const LOADED_DB = 'its value is loaded from the database';
const LOADED_HTTP = 'its value is fetched over HTTP';

/** What one op says about its key's role, on its own. */
export function evidenceOf(op: CacheOp): Evidence[] {
  const out: Evidence[] = [];
  if (op.use && !(op.use === 'lock' && (op.valueSrc === 'db' || op.valueSrc === 'http')))
    out.push(at(op, 'not-cache', USE_REASONS[op.use], op.use === 'membership' || op.use === 'lock' ? 'weak' : 'strong'));
  // libraries that are caches by nature: every key they hold is a cache entry
  if (LIBS[op.lib].cacheStore && !op.via) out.push(at(op, 'cache', `stored in ${op.lib}, a cache library`, 'weak'));
  if (op.kind === 'read' && (op.fallback === 'db' || op.fallback === 'http'))
    out.push(at(op, 'cache', op.fallback === 'db' ? 'a miss loads from the database' : 'a miss fetches over HTTP', 'strong'));
  if (op.kind === 'write' && (op.valueSrc === 'db' || op.valueSrc === 'http'))
    out.push(at(op, 'cache', op.valueSrc === 'db' ? LOADED_DB : LOADED_HTTP, 'weak'));
  // an after hook (`@AfterUpdate`, `schema.post('save')`) follows the write it hangs on (model/hooks.ts)
  if (op.kind === 'delete' && followsWrite(op)) out.push(at(op, 'cache', 'deleted after a database write', 'weak'));
  return out;
}

/**
 * A write that stores only a not-found marker (`set(k, 'null')`, `found ?? NONE` of nothing loaded):
 * no copy of a row. One that stores the loaded row or a marker (`row ? JSON.stringify(row) : NONE`)
 * is a copy all the same.
 */
export function storesOnlyMarker(w: CacheOp): boolean {
  return !!w.sentinel && w.valueSrc !== 'db' && w.valueSrc !== 'http';
}

/**
 * Read-through fills in one function: a read that falls back to a source on a miss, then a write of
 * the same key (same source text or shape) of what was loaded.
 */
export function fillEvidence(ops: readonly CacheOp[]): Map<CacheOp, Evidence> {
  const out = new Map<CacheOp, Evidence>();
  for (const w of ops) {
    if (w.kind !== 'write' || w.nx || storesOnlyMarker(w)) continue;
    const r = ops.find(
      (o) =>
        o.kind === 'read' &&
        !!o.fallback &&
        o.call.fn === w.call.fn &&
        o.file === w.file &&
        // a wrapper's read-through (`getOrSet(key, load)`) reads and writes in one call
        o.call.span.start <= w.call.span.start &&
        // a call that reads through and fills itself (`const cur = await this.getConfig(id)`) leaves
        // a later set in the caller no fill of it: that set writes what the caller made
        (o.call === w.call || !ops.some((x) => x.kind === 'write' && x.call === o.call)) &&
        sameKey(o, w),
    );
    // Pattern: lock; if (!(await redis.hgetall(`doc-${id}`))) { const worker = await this.pickWorker(); await redis.hmset(…) }
    // — made on a miss under a lock from what is not a source (a database, an API): state created
    // once and kept (an assignment), not a copy reloaded
    if (r?.locked && r.fallback !== 'db' && r.fallback !== 'http') continue;
    if (r && w.valueSrc !== 'literal') out.set(w, at(r, 'cache', FILLED, 'strong'));
  }
  return out;
}

function sameKey(a: CacheOp, b: CacheOp): boolean {
  // one call of a project method that reads one key and writes another (`reactions.create(…)` reading
  // the emoji list, then adding to a buffer) fills neither
  if (a.call === b.call && a.key?.shape && b.key?.shape && a.key.shape !== b.key.shape) return false;
  if (a.call.key && b.call.key && a.call.key.text === b.call.key.text && a.file === b.file && a.call.fn === b.call.fn) return true;
  return !!a.key?.shape && a.key.shape === b.key?.shape && /[A-Za-z]{2,}/.test(a.key.shape);
}

/** What a key's evidence makes it: a role, and for keys that are no cache, what they are instead. */
export interface Decision {
  role: Role;
  /**
   * `replica`: the application keeps a copy of database rows here that its readers use as it is
   * (nothing reloads it on a miss): no TTL or delete may help, but a write racing another still
   * leaves it wrong. `scratch`: job state. `marker`: a named lock or "done" marker. `fallback`: a
   * last known value, read only when its source fails (in a `catch`). `sequence`: the last or next
   * number handed out (`lastOrderNumber`), a counter.
   */
  kind?: 'replica' | 'scratch' | 'marker' | 'fallback' | 'sequence';
}

/** The role a key's evidence gives it; `ops` are all the ops of the key. */
export function decideRole(evidence: readonly Evidence[], ops: readonly CacheOp[], shape: string | undefined): Decision {
  const strongNot = evidence.some((e) => e.role === 'not-cache' && e.strength === 'strong');
  const strongCache = evidence.some((e) => e.role === 'cache' && e.strength === 'strong');
  const weakCache = evidence.some((e) => e.role === 'cache');
  if (strongNot) return { role: 'not-cache' };
  if (shape && MARKER_WORDS.test(shape)) return { role: 'not-cache', kind: 'marker' };
  if (shape && SEQUENCE_WORDS.test(shape)) return { role: 'not-cache', kind: 'sequence' };
  // Pattern: try { v = await rpc(); redis.set(k, v) } catch { return redis.get(k) } — a last known
  // value kept for when the source fails: meant to outlive it, never a copy served while it works
  const reads = ops.filter((o) => o.kind === 'read');
  if (reads.length > 0 && reads.every((r) => r.inCatch)) return { role: 'not-cache', kind: 'fallback' };
  // only ever written with a flag (`'true'`, `'1'`, `true`, a timestamp): a marker, not a copy of anything
  const writes = ops.filter((o) => o.kind === 'write');
  if (writes.length > 0 && writes.every(isFlagWrite)) return { role: 'not-cache', kind: 'marker' };
  // Pattern: const done = await redis.get(`req:${txId}`); if (JSON.parse(done)?.status === 'success') return;
  // every read only asks whether the work was done and skips it: an idempotency marker, whatever it holds
  // (a call of a project function that reads it inside is an echo of that read)
  const ownReads = reads.filter((r) => !r.echo);
  if (ownReads.length > 0 && ownReads.every((r) => r.call.guard)) return { role: 'not-cache', kind: 'marker' };
  if (strongCache) return { role: 'cache' };
  // only ever written with constants (`[]` at start-up) and never filled after a miss: app state, not
  // a copy of any source, whatever store holds it (a cache library's key is otherwise a cache)
  if (writes.length > 0 && writes.every((w) => w.valueSrc === 'literal')) return { role: 'unknown' };
  // named for a job or an import (`import:bitly:7:tags`, `tolt:import:partnerIds:3`): its state
  if (shape && SCRATCH_WORDS.test(shape)) return { role: 'not-cache', kind: 'scratch' };
  if (evidence.some((e) => e.role === 'not-cache')) return { role: 'not-cache' };
  if (isScratch(ops, shape)) return { role: 'not-cache', kind: 'scratch' };
  // read where it is used, never reloaded from the database or an API: the application keeps the data there (a replica)
  const reloads = evidence.some((e) => e.reason === FILLED) || ops.some((o) => o.kind === 'read' && (o.fallback === 'db' || o.fallback === 'http' || readThrough(o)));
  if (ops.some((o) => o.kind === 'read') && !reloads) return { role: 'not-cache', kind: 'replica' };
  // Pattern: redis.set(`bot_greeting_${id}`, JSON.stringify(res.messages)) with nothing here reading
  // or deleting it: an API's answer kept is no copy of a row (another service may read it, or nobody)
  if (!ops.some((o) => o.kind !== 'write') && evidence.every((e) => e.role !== 'cache' || e.reason === LOADED_HTTP)) return { role: 'unknown' };
  if (weakCache) return shape && STATE_WORDS.test(shape) ? { role: 'unknown' } : { role: 'cache' };
  return { role: 'unknown' };
}

/**
 * A read that is a read-through by its API: `cache.wrap(key, () => load())`, `getOrSet(key, fn)` —
 * the library calls the loader on a miss, whatever the loader reads.
 */
export function readThrough(o: CacheOp): boolean {
  return !!o.fallback && (o.verb === 'wrap' || o.verb === 'getorset' || (o.verb === 'fetch' && o.lib === 'lru-cache'));
}

/** A write of a flag-like literal: `'true'`, `'1'`, `1`, `true`, `Date.now()` (a status word like `'shipped'` is data). */
export function isFlagWrite(w: CacheOp): boolean {
  if (w.flagValue) return true;
  if (w.valueSrc !== 'literal' || w.sentinel) return false;
  const a = w.valueArg !== undefined ? w.call.args[w.valueArg] : undefined;
  if (!a) return false;
  if (a.str !== undefined) return /^(true|1|yes|y|on|done|ok|x|set|active)$/i.test(a.str);
  if (a.num !== undefined) return a.num === 1;
  return !a.props;
}

/**
 * Job scratch state: written and deleted by the job's own code (the same function, or a key named
 * for a job or an import), never deleted after a database write, never filled after a miss.
 */
function isScratch(ops: readonly CacheOp[], shape: string | undefined): boolean {
  const deletes = ops.filter((o) => o.kind === 'delete');
  const writes = ops.filter((o) => o.kind === 'write');
  if (deletes.length === 0 || writes.length === 0) return false;
  // named for a job (`export:7:progress`): its end deletes it, whatever the job wrote to the database
  if (shape && SCRATCH_WORDS.test(shape)) return true;
  if (deletes.some(followsWrite)) return false;
  return deletes.every((d) => writes.some((w) => w.file === d.file && w.call.fn === d.call.fn));
}

const KIND_REASONS: Record<NonNullable<Decision['kind']>, string> = {
  replica: 'not a cache: read as it is, nothing reloads it on a miss (the application keeps the data there)',
  scratch: 'not a cache: filled and deleted by the same job, never reloaded on a miss',
  marker: 'not a cache: a lock or a marker (by its name, its flag values, or reads that only check it to skip work done)',
  fallback: 'not a cache: read only when its source fails (a last known value)',
  sequence: 'not a cache: its name says it holds a sequence number (the last or next one handed out)',
};

/** Why a key's role is what it is, in a few words: `cache: filled after a miss`. */
export function describeRole(d: Decision, evidence: readonly Evidence[]): string {
  if (d.role === 'unknown') return 'unknown: no read falls back to a source, and no use says it is something else';
  if (d.kind) return KIND_REASONS[d.kind];
  const e = evidence.find((x) => x.role === d.role && x.strength === 'strong') ?? evidence.find((x) => x.role === d.role);
  return e ? `${d.role === 'cache' ? 'cache' : 'not a cache'}: ${e.reason}` : d.role;
}

export { MARKER_WORDS, SCRATCH_WORDS, STATE_WORDS };
