// Small helpers the rules share: how a key and a source position are shown in messages.
import { positionAt } from '../text/lines';
import type { CacheOp, ProjectIndex, Related } from '../rule';
import type { KeyModel } from '../model/cache-model';
import type { DbWrite } from '../facts/types';

/** 1-based line of `offset` in `text`, counted as the reporters count lines. */
export function lineOf(text: string, offset: number): number {
  return positionAt(text, offset).line + 1;
}

/**
 * How a message names an op's key: always its shape (`'product:v2:{}'`), never its source text
 * (a headline has no room for `Object.fromEntries(posts.map(…` cut short); a key with nothing
 * literal in it is "a computed key".
 */
export function keyLabel(op: CacheOp): string {
  const shape = op.key?.shape;
  return shape && shape !== '{}' ? `'${shape}'` : 'a computed key';
}


/** `path/to/file.ts` relative to `from`'s folder when in the same tree, for messages. */
export function shortPath(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts.slice(-2).join('/');
}

/** Related information pointing at the client call inside the wrapper an op goes through. */
export function viaRelated(project: ProjectIndex, op: CacheOp, message: string): Related[] {
  const via = op.via;
  const span = via && project.files.get(via.file)?.facts.calls[via.callId]?.span;
  return via && span ? [{ file: via.file, span, message }] : [];
}

/** The op's key shape for a race timeline (undefined when nothing literal is known). */
export function keyShape(op: CacheOp): string | undefined {
  const shape = op.key?.shape;
  return shape && shape !== '{}' ? shape : undefined;
}

/** A cached copy kept this many seconds at most is as fresh as the row read just before it is used. */
export const SHORT_LIVED_SECONDS = 5;

/**
 * Every write of the key expires within a few seconds (`wrapRedis(key, load)` with a one-second
 * default): a stale copy lasts no longer than a read racing the write would anyway, so the stale-cache
 * rules leave it alone.
 */
export function shortLived(key: KeyModel | undefined): boolean {
  if (!key) return false;
  // asked per op of the key by several rules: a key with thousands of writers is read once
  let v = shortLivedMemo.get(key);
  if (v === undefined) shortLivedMemo.set(key, (v = key.writers.length > 0 && key.writers.every(expiresSoon)));
  return v;
}

const shortLivedMemo = new WeakMap<KeyModel, boolean>();

/**
 * The write expires within SHORT_LIVED_SECONDS. A TTL under a second counts too: cache-manager's unit
 * follows the version the project declares (4 and older: seconds), so `set(k, v, 360)` under 5+ lives
 * 0.36 s, whatever was meant; the stale window is the one that runs.
 */
function expiresSoon(w: CacheOp): boolean {
  return w.ttlSeconds !== undefined && w.ttlSeconds > 0 && w.ttlSeconds <= SHORT_LIVED_SECONDS;
}

/**
 * The read path refills the key for a second or two only (its fills after a miss are short-lived),
 * whatever else writes it: an early delete lets a reader cache the old row for no longer than that.
 */
export function refillsShortLived(key: KeyModel | undefined, isFill: (op: CacheOp) => boolean): boolean {
  const fills = key?.writers.filter(isFill) ?? [];
  return fills.length > 0 && fills.every(expiresSoon);
}

/**
 * Pattern: const track = await repo.create(dto); …; await track.update({ albumId }); cache.set(`track/${track.id}`, track)
 * — an update of the instance a create of the same function returned: the row is new, no reader
 * holds an older version of it.
 */
export function updatesNewRow(w: DbWrite, writes: readonly DbWrite[]): boolean {
  const m = /^(\w+)\.\w+$/.exec(w.label);
  if (w.kind !== 'update' || !m) return false;
  return writes.some((c) => c.kind === 'create' && !c.upsert && c.fn === w.fn && c.resultVar === m[1] && c.span.start < w.span.start);
}


/** A key part naming a version of the content: `version`, `state.version`, `etag`, `contentHash`. */
const VERSION_HOLE = /(^|[.?])(version|ver|rev|revision|etag|hash|sha|sha1|sha256|digest|checksum)$|[a-z](Version|Hash|Etag|Digest|Checksum|Revision)$/;

/**
 * Pattern: `canvas-state:${canvasId}:${state.version}` — every key of the shape names the version of
 * what it holds: a write of the row makes a new version and a new key, so the entry is no copy the
 * write leaves stale (missing-invalidation), and a payload built from it copies that version as it
 * is (write-from-cache). A set under a version the caller names is still a write-through
 * (set-after-commit: a restore may put other content under an existing version).
 */
export function versionedKey(key: KeyModel | undefined): boolean {
  const ops = key ? [...key.writers, ...key.readers] : [];
  return ops.length > 0 && ops.every((o) => !!o.key?.parts.some((p) => 'hole' in p && VERSION_HOLE.test(p.hole)));
}

/** A key part read off the clock: `Math.floor(Date.now() / 600_000)`, `new Date().toISOString().slice(0, 13)`. */
const CLOCK_HOLE = /\bDate\.now\(\)|\bnew Date\(\)|\bperformance\.now\(\)/;

/**
 * Pattern: `feed_${userId}_${Math.floor(Date.now() / (10 * 60 * 1000))}` — every read names the
 * current time slot: entries are replaced slot by slot, a write is seen once the slot turns, and
 * no write path could name the slots to clear (missing-invalidation).
 */
export function rollsWithClock(key: KeyModel | undefined): boolean {
  return !!key && key.readers.length > 0 && key.readers.every((o) => !!o.key?.parts.some((p) => 'hole' in p && CLOCK_HOLE.test(p.hole)));
}

/**
 * Pattern: `articles_stale_${userId}` beside `articles_fresh_…` — the stale tier of a
 * stale-while-revalidate cache holds the last known value on purpose, served while a refresh runs.
 */
export function staleTier(key: KeyModel | undefined): boolean {
  return !!key?.shape && /(^|[^a-z])(stale|swr)([^a-z]|$)/i.test(key.shape);
}

/**
 * Pattern: `if (hit && hit.updatedAt.getTime() === campaign.updatedAt.getTime()) return hit.body` —
 * every read of the key serves the value only when its version stamp is still the source's: a write
 * that bumps the stamp retires the entry by itself (facts/flow/checked-reads.ts). Also a value that
 * carries its own expiry, compared with the clock on every read: a TTL kept in the value.
 */
export function checkedOnRead(key: KeyModel | undefined, op?: CacheOp, project?: ProjectIndex): boolean {
  // Pattern: getCache(key) over `const props = JSON.parse(await redisGet(key)); if (now > props.expiry) return null`:
  // the check is the wrapper's, on its own read
  const checked = (r: CacheOp) => r.call.checked || (!!r.via && !!project?.files.get(r.via.file)?.facts.calls[r.via.callId]?.checked);
  if (key?.readers.length) return key.readers.every(checked);
  // a key with no shape (`MemoryCache.get(id)` in one function, `put(id, …)` in another): the
  // reads of this file that spell it the same
  const text = !key?.shape ? op?.call.key?.text : undefined;
  const reads = text !== undefined ? (project?.files.get(op!.file)?.ops.filter((r) => r.kind === 'read' && r.call.key?.text === text) ?? []) : [];
  return reads.length > 0 && reads.every(checked);
}
