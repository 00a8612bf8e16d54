import type { RedisClientType } from 'redis';
import { NamedCache } from './cache/named-cache';

interface Qx {
  result(sql: string, params?: unknown): Promise<void>;
}

// a cache built per call is no shared singleton: its delete is one cachelint cannot read, which may be the marker's
function lookupCache(redis: RedisClientType): NamedCache {
  return new NamedCache('repoLookup', redis);
}

/** The restore clears the marker it would otherwise leave (for all cachelint can tell). */
export async function restoreAndClear(qx: Qx, redis: RedisClientType, url: string) {
  await qx.result(`UPDATE repositories SET "deletedAt" = NULL WHERE url = $(url)`, { url });
  await lookupCache(redis).delete(url);
}

/** An ordinary update of a live row: no reader could have cached it as missing. */
export async function renameRepository(qx: Qx, url: string, name: string) {
  await qx.result(`UPDATE repositories SET name = $(name) WHERE url = $(url)`, { url, name });
}

/** Soft-deleting is no create. */
export async function removeRepository(qx: Qx, url: string) {
  await qx.result(`UPDATE repositories SET "deletedAt" = NOW() WHERE url = $(url)`, { url });
}
