// Caches a team refreshes by expiry alone, by design: missing-invalidation does not ask a write to
// clear them. Each holds something no write can name or is meant to track exactly, and is kept
// briefly: a leaderboard, a tally, search results, pages of a list nothing deletes.
// Docs: docs/rules/missing-invalidation.md
import type { DbWrite } from '../facts/types';
import type { KeyModel } from '../model/cache-model';
import type { ProjectIndex } from '../rule';

/** How long a leaderboard or search results may lag by design: a few minutes. */
const LEADERBOARD_TTL = 15 * 60;
/** A tally kept at most an hour is left to its TTL, whatever the write. */
const TALLY_TTL = 60 * 60;
/** Pages no code deletes, kept this long at most, are refreshed by expiry alone. */
const PAGES_TTL = 5 * 60;

/** Words of a key that keeps the answer to a search: any write may change any query's results. */
const SEARCH_WORDS = /(^|[^a-z])(search|searches|query|autocomplete|suggest|suggestions|typeahead)([^a-z]|$)/i;
/** Words of a key that keeps one page of a list. */
const PAGE_WORDS = /(^|[^a-z])(page|pages|offset|cursor|limit)([^a-z]|$)/i;

/** Whether the key is left to its TTL for a write of this kind (the answer per key is the same for every write: kept). */
export function leftToTtl(key: KeyModel, w: DbWrite, project: ProjectIndex): boolean {
  let byKey = memo.get(key);
  if (!byKey) memo.set(key, (byKey = { leaderboard: leaderboard(key), oldest: oldestRow(key), other: tally(key) || searchResults(key) || pagesLeftToExpire(key, project) }));
  // a delete still clears a leaderboard: the removed row would stay on show; only a create leaves the oldest row
  return (w.kind !== 'delete' && byKey.leaderboard) || (w.kind === 'create' && !w.upsert && byKey.oldest) || byKey.other;
}

const memo = new WeakMap<KeyModel, { leaderboard: boolean; oldest: boolean; other: boolean }>();

/** Pattern: Admin.findOne().sort('createdAt') cached as the contact address — a new row sorts last. */
function oldestRow(key: KeyModel): boolean {
  return key.writers.length > 0 && key.writers.every((o) => o.valueAggregate === 'oldest');
}

/** Every writer of the key keeps it `seconds` at most. */
function keptAtMost(key: KeyModel, seconds: number): boolean {
  return key.writers.length > 0 && key.writers.every((o) => o.ttlSeconds !== undefined && o.ttlSeconds <= seconds);
}

/**
 * Pattern: reelCache.set('trending-reels', await Reel.find().sort({ viewCount: -1 }).limit(20)) under a
 * 5-minute TTL — rows ranked by a measure, the first few kept, refreshed by expiry: every view or like
 * reorders it and a new row starts at the bottom, so no update or create is meant to clear it.
 */
function leaderboard(key: KeyModel): boolean {
  return keptAtMost(key, LEADERBOARD_TTL) && key.writers.every((o) => o.valueAggregate === 'ranked');
}

/**
 * Pattern: `articles_count_${hash(filter)}` filled with `Article.countDocuments(filter)` for ten
 * minutes, `Tag:${id}:usageCount` with a count of posts per kind for an hour — a number of rows,
 * meant to be roughly right: every write moves it a little, and no reader sees a stale row in it.
 * A writer storing an estimate beside the counted ones (`effectiveTotal = page * limit + n`) holds
 * no rows either.
 */
function tally(key: KeyModel): boolean {
  return (
    keptAtMost(key, TALLY_TTL) &&
    key.writers.some((o) => o.valueAggregate === 'count') &&
    key.writers.every((o) => o.valueAggregate === 'count' || (!o.valueEntities?.length && o.valueSrc !== 'db'))
  );
}

/**
 * Pattern: `article_search_${lang}_${limit}_${query}` cached two minutes — the results of a search,
 * one entry per query: no write can name the queries it changes, and a short TTL is how they are
 * kept fresh (15 minutes at most, as for a leaderboard).
 */
function searchResults(key: KeyModel): boolean {
  return !!key.shape && SEARCH_WORDS.test(key.shape) && keptAtMost(key, LEADERBOARD_TTL);
}

/**
 * Pattern: `articles_category_public_${cat}_page_${p}_limit_${n}` cached five minutes, and nothing
 * in the project ever deletes it or a pattern over it — pages of a list the team refreshes by
 * expiry: a write cannot name the pages it moves. A project that deletes the pages somewhere
 * (`delPattern(`transactions:${userId}:*`)`) means them to be cleared, and a path that does not is reported.
 */
function pagesLeftToExpire(key: KeyModel, project: ProjectIndex): boolean {
  const shape = key.shape;
  if (!shape || !PAGE_WORDS.test(shape) || key.deleters.length > 0 || !keptAtMost(key, PAGES_TTL)) return false;
  // a delete of a pattern, or the KEYS/SCAN that finds its keys for one (`keys(`transactions:${u}:*`)` then `del(...found)`)
  return !project.ops.some((o) => o.kind !== 'read' && o.kind !== 'write' && !!o.key?.shape && o.key.shape.endsWith('*') && aimedAt(o.key.shape.slice(0, -1), shape));
}

/**
 * A pattern aimed at these pages: more than the key's first word (`transactions:${userId}:*`,
 * `articles_category_*`). A pattern over the first word alone (`articles_*`) clears every key of
 * the family at once, an admin's flush, which says nothing about what a write should clear.
 */
function aimedAt(prefix: string, shape: string): boolean {
  if (!shape.startsWith(prefix)) return false;
  return prefix.includes('{}') || prefix.split(/[^A-Za-z0-9]+/).filter(Boolean).length >= 2;
}
