// The CLI's `--cache`: per-file facts on disk, keyed by the file's content hash and the part of the
// config that changes facts, so an unchanged file is not parsed again. The facts are plain JSON
// (facts/types.ts). The cache is dropped whole when cachelint itself changes (version + build).
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../config';
import type { FileFacts } from '../facts/types';
import { writeFileAtomic } from './edits';

const FILE_NAME = 'facts.json';
export const DEFAULT_CACHE_DIR = join('node_modules', '.cache', 'cachelint');

interface Entry {
  configKey: string;
  facts: FileFacts;
}

/** What of the config changes facts; the same fields as Analyzer's config fingerprint. */
export function factsConfigKey(c: ResolvedConfig): string {
  return JSON.stringify([c.cacheModules, c.wrappers, c.sentinels]);
}

/**
 * `--cache-location`: a folder (existing, or written with a trailing slash) holds `facts.json`;
 * anything else is the cache file itself. Default: node_modules/.cache/cachelint/facts.json.
 */
export function cacheFilePath(cwd: string, location?: string): string {
  if (!location) return resolve(cwd, DEFAULT_CACHE_DIR, FILE_NAME);
  const abs = resolve(cwd, location);
  if (location.endsWith('/') || location.endsWith(sep)) return join(abs, FILE_NAME);
  try {
    if (statSync(abs).isDirectory()) return join(abs, FILE_NAME);
  } catch {
    // does not exist yet: a file path
  }
  return abs;
}

export class FactCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;

  constructor(
    readonly file: string,
    private readonly toolKey: string,
  ) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { toolKey?: string; entries?: Record<string, Entry> };
      if (data.toolKey === toolKey && data.entries && typeof data.entries === 'object') this.entries = data.entries;
    } catch {
      // no cache yet, or an unreadable one: start empty (it is rewritten on save)
    }
  }

  get(file: string, hash: string, configKey: string): FileFacts | undefined {
    const e = this.entries[file];
    return e && e.configKey === configKey && e.facts?.hash === hash && e.facts.file === file ? e.facts : undefined;
  }

  set(file: string, configKey: string, facts: FileFacts): void {
    const e = this.entries[file];
    if (e && e.configKey === configKey && e.facts === facts) return;
    this.entries[file] = { configKey, facts };
    this.dirty = true;
  }

  /** Writes the cache if anything changed. Throws if the location cannot be written. */
  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, JSON.stringify({ toolKey: this.toolKey, entries: this.entries }));
    this.dirty = false;
  }
}

/** A key that changes whenever the running build of cachelint changes (version, size, mtime). */
export function toolKey(version: string, script: string | undefined): string {
  try {
    if (script) {
      const st = statSync(script);
      return `${version}:${st.size}:${Math.round(st.mtimeMs)}`;
    }
  } catch {
    // fall through: the version alone
  }
  return version;
}
