// What an analysis saw, so that cachelint is never silently blind (issue 12): how many files, which
// cache calls it recognised (by library and by the project wrapper they go through), the keys by
// role, and the calls that look like cache calls it could not follow. With the cache libraries the
// workspace uses (engine/cache-libs.ts) that says when the silence of a clean run means nothing:
// a project depending on ioredis in which no cache call was recognised.
import { CACHE_METHOD_NAMES } from '../facts/cache/verbs';
import type { CacheOp, ProjectIndex } from '../rule';
import type { CacheLibUse } from './cache-libs';
import { LineMap } from '../text/lines';

/** The README section that explains `cacheModules` and `wrappers` for a project cachelint cannot see into. */
export const COVERAGE_HELP_URL = 'https://github.com/cachelint/cachelint#when-cachelint-sees-no-cache-calls';

export interface CallGroup {
  /** the library the calls behave like (`ioredis`); `configured` for a class named in `wrappers` */
  lib: string;
  /** the project wrapper they go through (`RedisService`, `cacheSet()`), if any */
  via?: string;
  count: number;
}

/** A call that looks like a cache call whose receiver cachelint could not resolve. */
export interface UnfollowedCall {
  file: string;
  /** 1-based */
  line: number;
  /** `this.cacheService.get` */
  callee: string;
}

export interface Coverage {
  /** files of the run (those read; parsed or not) */
  files: number;
  /** files parsed (the others cannot hold cache code) */
  parsed: number;
  /** recognised cache calls in product code (tests and scripts apart), by library and wrapper, largest first */
  calls: { total: number; groups: CallGroup[]; inTestsAndScripts: number };
  keys: { total: number; cache: number; notCache: number; unknown: number };
  /** cache libraries the workspace lists or imports */
  libraries: CacheLibUse[];
  /** calls that look like cache calls whose receiver is not known (at most 5 listed) */
  unfollowed: { count: number; examples: UnfollowedCall[] };
}

/** Receivers whose name says they are a cache, when nothing else does. */
const CACHE_NAME = /cache|redis|keyv|upstash|memcache/i;

/** `RedisService.set` → `RedisService`; `cacheSet()` stays. */
function wrapperOf(op: CacheOp): string | undefined {
  const label = op.via?.label ?? op.wrapper;
  if (!label) return undefined;
  if (label.endsWith('()')) return label;
  const dot = label.lastIndexOf('.');
  return dot > 0 ? label.slice(0, dot) : label;
}

export function coverageOf(
  project: ProjectIndex,
  opts: { files: number; parsed: number; libraries: CacheLibUse[] },
): Coverage {
  const groups = new Map<string, CallGroup>();
  const counted = new Set<string>();
  let total = 0;
  let elsewhere = 0;
  let unfollowedCount = 0;
  const examples: UnfollowedCall[] = [];
  for (const lf of project.files.values()) {
    const seen = new Set<number>();
    for (const op of lf.ops) {
      // one call, one count: a multi-key delete and a wrapper making several client calls are one call
      if (seen.has(op.call.id)) continue;
      seen.add(op.call.id);
      if (lf.kind) {
        elsewhere++;
        continue;
      }
      // the client call inside a wrapper whose callers choose the key: counted at those callers
      // (`ioredis via RedisService`), not again as a call of its own
      if (op.forwarded) continue;
      total++;
      // a class named in `wrappers` has no library of its own (the linker reads it as cache-manager)
      const configured = !!op.wrapper && !op.via;
      const lib = configured ? 'configured' : op.lib;
      const via = wrapperOf(op);
      const key = `${lib}\0${via ?? ''}`;
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { lib, ...(via ? { via } : {}), count: 1 });
    }
    if (lf.kind) continue;
    let lines: LineMap | undefined;
    for (const call of lf.facts.calls) {
      if (seen.has(call.id) || call.receiver.t === 'lib' || call.receiver.t === 'fn') continue;
      if (!CACHE_METHOD_NAMES.has(call.method.toLowerCase())) continue;
      const receiver = lf.text.slice(call.receiverSpan.start, call.receiverSpan.end);
      if (!CACHE_NAME.test(receiver)) continue;
      const id = `${lf.file}\0${call.id}`;
      if (counted.has(id)) continue;
      counted.add(id);
      unfollowedCount++;
      if (examples.length < 5) {
        lines ??= new LineMap(lf.text);
        const callee = lf.text.slice(call.receiverSpan.start, call.methodSpan.end).replace(/\s+/g, '');
        examples.push({ file: lf.file, line: lines.position(call.span.start).line + 1, callee });
      }
    }
  }
  const keys = { total: 0, cache: 0, notCache: 0, unknown: 0 };
  for (const k of project.model.keys.values()) {
    keys.total++;
    if (k.role === 'cache') keys.cache++;
    else if (k.role === 'not-cache') keys.notCache++;
    else keys.unknown++;
  }
  return {
    files: opts.files,
    parsed: opts.parsed,
    calls: { total, groups: [...groups.values()].sort((a, b) => b.count - a.count || a.lib.localeCompare(b.lib)), inTestsAndScripts: elsewhere },
    keys,
    libraries: opts.libraries,
    unfollowed: { count: unfollowedCount, examples },
  };
}

/** Adds up the coverage of several projects (the folders of a multi-root workspace). */
export function mergeCoverage(list: readonly Coverage[]): Coverage {
  const groups = new Map<string, CallGroup>();
  const out: Coverage = {
    files: 0,
    parsed: 0,
    calls: { total: 0, groups: [], inTestsAndScripts: 0 },
    keys: { total: 0, cache: 0, notCache: 0, unknown: 0 },
    libraries: [],
    unfollowed: { count: 0, examples: [] },
  };
  for (const c of list) {
    out.files += c.files;
    out.parsed += c.parsed;
    out.calls.total += c.calls.total;
    out.calls.inTestsAndScripts += c.calls.inTestsAndScripts;
    for (const g of c.calls.groups) {
      const key = `${g.lib}\0${g.via ?? ''}`;
      const had = groups.get(key);
      if (had) had.count += g.count;
      else groups.set(key, { ...g });
    }
    for (const k of ['total', 'cache', 'notCache', 'unknown'] as const) out.keys[k] += c.keys[k];
    for (const l of c.libraries) if (!out.libraries.some((x) => x.name === l.name)) out.libraries.push(l);
    out.unfollowed.count += c.unfollowed.count;
    out.unfollowed.examples.push(...c.unfollowed.examples.slice(0, Math.max(0, 5 - out.unfollowed.examples.length)));
  }
  out.calls.groups = [...groups.values()].sort((a, b) => b.count - a.count || a.lib.localeCompare(b.lib));
  return out;
}
