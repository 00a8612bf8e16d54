// The on-disk cache of per-file facts behind `--cache`: facts are plain data keyed by the file's
// content hash and the fact-relevant config, so a warm run parses nothing that did not change.
// Cross-file rules are recomputed every run from the (cached) facts of all files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileFacts } from '../facts/types';
import type { Finding } from '../rule';
import { writeFileAtomic } from './edits';

/** Bump when the facts format or any recogniser changes: old caches are then ignored. */
export const FACTS_VERSION = '2';

/** One file's results as the last run reported them (only files with something to report). */
export interface StoredResult {
  findings: Finding[];
  parseErrors: { start: number; message: string }[];
}

interface Stored {
  version: string;
  tool: string;
  entries: Record<string, { key: string; facts: FileFacts }>;
  /** the last run's results, with the key of everything they depend on */
  run?: { key: string; files: Record<string, StoredResult> };
}

export interface FactsStore {
  get(file: string, key: string): FileFacts | undefined;
  set(file: string, key: string, facts: FileFacts): void;
}

/**
 * The results of a whole run, reused when nothing they depend on changed: every file's text, its
 * config and installed packages, and the run's options. Cross-file rules make the run the unit
 * (ESLint, whose rules see one file, keys results per file).
 */
export interface RunStore {
  getRun(key: string): Record<string, StoredResult> | undefined;
  setRun(key: string, files: Record<string, StoredResult>): void;
}

export class FactsCache implements FactsStore, RunStore {
  private data: Stored;
  private dirty = false;
  hits = 0;
  misses = 0;

  constructor(private readonly location: string, toolVersion: string) {
    this.data = { version: FACTS_VERSION, tool: toolVersion, entries: {} };
    try {
      const raw = JSON.parse(fs.readFileSync(location, 'utf8')) as Stored;
      if (raw && raw.version === FACTS_VERSION && raw.tool === toolVersion && raw.entries) this.data = raw;
    } catch {
      // no cache yet, or unreadable: start empty (the cache is only ever an optimisation)
    }
  }

  get(file: string, key: string): FileFacts | undefined {
    const e = this.data.entries[file];
    if (e && e.key === key) {
      this.hits++;
      return e.facts;
    }
    this.misses++;
    return undefined;
  }

  set(file: string, key: string, facts: FileFacts): void {
    this.data.entries[file] = { key, facts };
    this.dirty = true;
  }

  getRun(key: string): Record<string, StoredResult> | undefined {
    return this.data.run?.key === key ? this.data.run.files : undefined;
  }

  setRun(key: string, files: Record<string, StoredResult>): void {
    if (this.data.run?.key === key) return;
    this.data.run = { key, files };
    this.dirty = true;
  }

  /**
   * Drops entries of files that no longer exist (not of files merely outside this run: `cachelint
   * --cache a` then `--cache b` share one cache), then writes atomically if anything changed.
   */
  save(): void {
    for (const f of Object.keys(this.data.entries))
      if (!fs.existsSync(f)) {
        delete this.data.entries[f];
        this.dirty = true;
      }
    if (!this.dirty) return;
    fs.mkdirSync(path.dirname(this.location), { recursive: true });
    writeFileAtomic(this.location, JSON.stringify(this.data));
    this.dirty = false;
  }
}

/** `--cache-location` may name a directory (ESLint accepts both). */
export function cacheFile(location: string | undefined, cwd: string): string {
  const loc = path.resolve(cwd, location ?? 'node_modules/.cache/cachelint');
  const isDir = location === undefined || location.endsWith('/') || (fs.existsSync(loc) && fs.statSync(loc).isDirectory());
  return isDir ? path.join(loc, 'facts.json') : loc;
}
