import type { RedisClientType } from 'redis';
import { NamedCache } from './cache/named-cache';

interface Qx {
  select(sql: string, params?: unknown): Promise<{ segmentId: string }[]>;
  result(sql: string, params?: unknown): Promise<void>;
}

const WEEK = 7 * 24 * 60 * 60;

// built on first use, shared by every caller
let lookupCache: NamedCache | undefined;

function getLookupCache(redis: RedisClientType): NamedCache {
  if (!lookupCache) {
    lookupCache = new NamedCache('repoLookup', redis);
  }
  return lookupCache;
}

async function segmentFromDb(qx: Qx, url: string): Promise<string | undefined> {
  const rows = await qx.select(`SELECT "segmentId" FROM repositories WHERE "deletedAt" IS NULL AND url = $(url)`, { url });
  return rows[0]?.segmentId;
}

/** An unknown repository is remembered as 'null' for a week. */
export async function findSegmentForRepo(qx: Qx, redis: RedisClientType, url: string) {
  const cache = getLookupCache(redis);
  const cached = await cache.get(url);
  if (cached) return cached === 'null' ? undefined : cached;
  const segmentId = await segmentFromDb(qx, url);
  await cache.set(url, segmentId ?? 'null', WEEK);
  return segmentId;
}

export async function insertRepository(qx: Qx, url: string, segmentId: string) {
  await qx.result(`INSERT INTO repositories (url, "segmentId") VALUES ($(url), $(segmentId))`, { url, segmentId }); // expect: negative-cache-on-create
}

/** A soft-deleted repository comes back: readers skipped it, and cached that as 'null'. */
export async function restoreRepository(qx: Qx, url: string) {
  await qx.result(`UPDATE repositories SET enabled = true, "deletedAt" = NULL WHERE url = $(url)`, { url }); // expect: negative-cache-on-create
}
