// Which files to parse. Parsing is the dominant cost, and most files of a backend cannot hold cache
// code, so files are taken in tiers (see docs/performance.md):
//   1. a text gate: files whose bytes mention a cache word;
//   2. the project files those import (key builders, wrappers, clients) and files naming the
//      clients/wrappers they export;
//   3. files that may create an entity a read path caches as "not found" (negative-cache-on-create
//      needs creates in files that never mention a cache).
// Every other file is read (to hash and search it) but never parsed.
import * as path from 'node:path';
import type { FileFacts } from '../facts/types';
import { singular } from '../facts/entity';
import type { Analyzer } from './run';

/** Words without which a file cannot contain a cache call the rules know. */
export const CACHE_GATE = /cache|redis|keyv|lru|ttl|expire|invalidat|setex|upstash|memcache/i;

const CREATE_WORDS = /create|insert|save|upsert|persist|bulk|add\(/i;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export interface LoadResult {
  /** files whose facts were extracted (parsed) */
  parsed: string[];
  /** files read but never parsed: nothing in them can matter to a rule */
  skipped: number;
}

function resolveRelative(from: string, spec: string, known: ReadonlySet<string>): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec).replace(/\.(js|jsx|mjs|cjs)$/, '');
  for (const b of [base, path.resolve(path.dirname(from), spec)]) {
    if (known.has(b)) return b;
    for (const e of EXTENSIONS) if (known.has(b + e)) return b + e;
    for (const e of EXTENSIONS) if (known.has(path.join(b, 'index' + e))) return path.join(b, 'index' + e);
  }
  return undefined;
}

/** Names another file would use to reach this file's clients or wrappers. */
function exportedCacheNames(f: FileFacts): string[] {
  const names = new Set<string>();
  for (const [name, v] of Object.entries(f.exports)) if (v.t === 'client' && name !== 'default') names.add(name);
  for (const w of f.wrappers) names.add(w.className || w.method);
  return [...names].filter((n) => /^[A-Za-z_$][\w$]{2,}$/.test(n));
}

/** Entities whose not-found sentinel a read path caches: their creates matter anywhere. */
function sentinelEntities(f: FileFacts): string[] {
  const fns = new Set(f.calls.filter((c) => c.args.some((a) => a.sentinel || a.sentinelRef)).map((c) => c.fn));
  return f.dbReads.filter((r) => r.entity && fns.has(r.fn)).map((r) => r.entity!);
}

function wordsRegex(words: Iterable<string>): RegExp | undefined {
  const list = [...new Set(words)].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return list.length ? new RegExp(`(?:${list.join('|')})`, 'i') : undefined;
}

/**
 * Loads `texts` into the analyzer tier by tier. `all: true` parses every file (the language server's
 * open documents, or `--no-gate`).
 */
export function loadProject(analyzer: Analyzer, texts: ReadonlyMap<string, string>, opts: { all?: boolean } = {}): LoadResult {
  const known = new Set(texts.keys());
  const parsed = new Set<string>();
  const take = (f: string) => {
    if (parsed.has(f)) return;
    parsed.add(f);
    analyzer.setFile(f, texts.get(f)!);
  };
  for (const [f, t] of texts) if (opts.all || CACHE_GATE.test(t)) take(f);
  if (!opts.all) {
    // tier 2: imports of parsed files (two levels) and files naming their exported clients/wrappers
    let frontier = [...parsed];
    for (let depth = 0; depth < 2 && frontier.length; depth++) {
      const next: string[] = [];
      for (const f of frontier)
        for (const imp of analyzer.factsOf(f)?.imports ?? []) {
          const target = resolveRelative(f, imp.module, known);
          if (target && !parsed.has(target)) {
            take(target);
            next.push(target);
          }
        }
      frontier = next;
    }
    const names = wordsRegex([...parsed].flatMap((f) => exportedCacheNames(analyzer.factsOf(f)!)));
    if (names) for (const [f, t] of texts) if (!parsed.has(f) && names.test(t)) take(f);
    // tier 3: creates of entities cached as "not found"
    const entities = [...parsed].flatMap((f) => sentinelEntities(analyzer.factsOf(f)!));
    const forms = entities.flatMap((e) => [e, e.replace(/_/g, ''), singular(e)]);
    const entityRe = wordsRegex(forms);
    if (entityRe) for (const [f, t] of texts) if (!parsed.has(f) && CREATE_WORDS.test(t) && entityRe.test(t)) take(f);
  }
  return { parsed: [...parsed], skipped: texts.size - parsed.size };
}
