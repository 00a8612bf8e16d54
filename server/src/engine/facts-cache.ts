// The on-disk cache of per-file facts behind `--cache`: facts are plain data keyed by the file's
// content hash and the fact-relevant config, so a warm run parses nothing that did not change.
// Cross-file rules are recomputed every run from the (cached) facts of all files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileFacts } from '../facts/types';
import type { Finding } from '../rule';
import type { Coverage } from './coverage';
import { writeFileAtomic } from './edits';

/** Bump when the facts format or any recogniser changes: old caches are then ignored. */
export const FACTS_VERSION = '138';

/** One file's results as the last run reported them (only files with something to report). */
export interface StoredResult {
  findings: Finding[];
  parseErrors: { start: number; message: string }[];
}

/**
 * The file holds two JSON lines: a header (format, tool, the last run's results) and the per-file
 * facts. A run whose results can be reused reads only the header; the facts, most of the file,
 * are parsed on first use.
 */
interface Header {
  version: string;
  tool: string;
  /** the last run's results, with the key of everything they depend on */
  run?: { key: string; files: Record<string, StoredResult>; coverage?: Coverage };
  /** what the files were on disk when their content was hashed: file → [size, mtimeMs, ctimeMs, ino, hash, when] */
  disk?: Record<string, DiskEntry>;
}

type DiskEntry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string, since: number];

/** What a stat says of a file: enough to tell that it changed (git's index keeps the same). */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * A file changed this close before its stat was taken may change again within the same clock tick
 * and keep its times: its recorded hash is not trusted (git's "racily clean" entries).
 */
export const RACY_MS = 3000;

/** Files whose records only vouch anew (rememberHash) that make a rewrite of the cache worth it. */
const REFRESHES_WORTH_A_WRITE = 32;

function sameStat(e: DiskEntry, st: FileStat): boolean {
  return e[0] === st.size && e[1] === st.mtimeMs && e[2] === st.ctimeMs && e[3] === st.ino;
}

/** Whether a stat taken at `since` vouches for the content it was taken with (not racily clean). */
function vouches(st: FileStat, since: number): boolean {
  return Math.max(st.mtimeMs, st.ctimeMs) < since - RACY_MS;
}

type Entries = Record<string, { key: string; facts: FileFacts }>;

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
  /** what the stored run saw (engine/coverage.ts), for `--stats` and the json/sarif reports */
  getRunCoverage?(key: string): Coverage | undefined;
  setRun(key: string, files: Record<string, StoredResult>, coverage?: Coverage): void;
  /**
   * The content hash recorded for a file whose size, times and inode are still `st`, when the
   * record was taken well after the file last changed: a run then need not read the file.
   */
  knownHash?(file: string, st: FileStat): string | undefined;
  /** Records a file's content hash with its stat taken before the read, at `since` (Date.now() before the stat). */
  rememberHash?(file: string, st: FileStat, hash: string, since: number): void;
}

export class FactsCache implements FactsStore, RunStore {
  private header: Header;
  /** the header line as read: the facts line is read only when needed, and only behind this same header */
  private headerLine: string | undefined;
  private parsed: Entries | undefined;
  private dirty = false;
  /** records that only vouch anew for content already recorded (rememberHash) */
  private refreshed = 0;
  /** files this run stat'ed (knownHash): they exist */
  private readonly present = new Set<string>();
  hits = 0;
  misses = 0;

  constructor(private readonly location: string, toolVersion: string) {
    this.header = { version: FACTS_VERSION, tool: toolVersion };
    try {
      const line = readFirstLine(location);
      const header = line === undefined ? undefined : (JSON.parse(line) as Header);
      if (header && header.version === FACTS_VERSION && header.tool === toolVersion) {
        this.header = header;
        this.headerLine = line;
      }
    } catch {
      // no cache yet, or unreadable: start empty (the cache is only ever an optimisation)
    }
  }

  /**
   * The facts line, read now: a warm run whose results hold never reads it (most of the file).
   * Undefined when the file no longer starts with the header read at the start (another run
   * replaced it meanwhile): its facts may be of another format, so none are trusted.
   */
  private rawEntries(): Buffer | undefined {
    if (this.headerLine === undefined) return undefined;
    try {
      const bytes = fs.readFileSync(this.location);
      const nl = bytes.indexOf(0x0a);
      return nl >= 0 && bytes.subarray(0, nl).equals(Buffer.from(this.headerLine)) ? bytes.subarray(nl + 1) : undefined;
    } catch {
      return undefined;
    }
  }

  private get entries(): Entries {
    if (!this.parsed) {
      try {
        const raw = this.rawEntries();
        this.parsed = raw ? (JSON.parse(raw.toString('utf8')) as Entries) : {};
      } catch {
        this.parsed = {};
      }
      if (!this.parsed || typeof this.parsed !== 'object' || Array.isArray(this.parsed)) this.parsed = {};
    }
    return this.parsed;
  }

  get(file: string, key: string): FileFacts | undefined {
    const e = this.entries[file];
    if (e && e.key === key) {
      this.hits++;
      return e.facts;
    }
    this.misses++;
    return undefined;
  }

  set(file: string, key: string, facts: FileFacts): void {
    this.entries[file] = { key, facts };
    this.dirty = true;
  }

  knownHash(file: string, st: FileStat): string | undefined {
    this.present.add(file);
    const e = this.header.disk?.[file];
    return e && sameStat(e, st) && vouches(st, e[5]) ? e[4] : undefined;
  }

  rememberHash(file: string, st: FileStat, hash: string, since: number): void {
    const e = this.header.disk?.[file];
    const same = !!e && sameStat(e, st) && e[4] === hash;
    // nothing to write: the record already vouches for this content, or a new one would vouch no better
    if (same && (vouches(st, e[5]) || !vouches(st, since))) return;
    (this.header.disk ??= {})[file] = [st.size, st.mtimeMs, st.ctimeMs, st.ino, hash, since];
    // the same content seen again, now long enough after its change to vouch for it: worth a write
    // of the cache only with other changes, or for many files (reading a few such files again on
    // each run costs less than rewriting megabytes of facts once)
    if (same) this.refreshed++;
    else this.dirty = true;
  }

  getRun(key: string): Record<string, StoredResult> | undefined {
    return this.header.run?.key === key ? this.header.run.files : undefined;
  }

  getRunCoverage(key: string): Coverage | undefined {
    return this.header.run?.key === key ? this.header.run.coverage : undefined;
  }

  setRun(key: string, files: Record<string, StoredResult>, coverage?: Coverage): void {
    if (this.header.run?.key === key) return;
    this.header.run = { key, files, ...(coverage ? { coverage } : {}) };
    this.dirty = true;
  }

  /**
   * When anything changed: drops entries of files that no longer exist (not of files merely
   * outside this run: `cachelint --cache a` then `--cache b` share one cache), and writes atomically.
   */
  save(): void {
    if (!this.dirty && this.refreshed < REFRESHES_WORTH_A_WRITE) return;
    // the files this run asked about exist (it stat'ed or read them); others may be gone
    const gone = (f: string) => !this.present.has(f) && !fs.existsSync(f);
    if (this.parsed) for (const f of Object.keys(this.parsed)) if (gone(f)) delete this.parsed[f];
    // a record of a file that is gone vouches for nothing
    for (const f of Object.keys(this.header.disk ?? {})) if (gone(f)) delete this.header.disk![f];
    fs.mkdirSync(path.dirname(this.location), { recursive: true });
    const entries = this.parsed ? JSON.stringify(this.parsed) : (this.rawEntries() ?? '{}');
    writeFileAtomic(this.location, [`${JSON.stringify(this.header)}\n`, entries], { durable: false });
    this.dirty = false;
    this.refreshed = 0;
  }
}

/** `--cache-location` may name a directory (ESLint accepts both). */
export function cacheFile(location: string | undefined, cwd: string): string {
  const loc = path.resolve(cwd, location ?? 'node_modules/.cache/cachelint');
  const isDir = location === undefined || location.endsWith('/') || (fs.existsSync(loc) && fs.statSync(loc).isDirectory());
  return isDir ? path.join(loc, 'facts.json') : loc;
}

/** The file's first line (without its newline), read in chunks; undefined when it has no newline. */
function readFirstLine(file: string): string | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    for (let pos = 0; ; ) {
      const buf = Buffer.allocUnsafe(64 * 1024);
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) return undefined;
      const nl = buf.subarray(0, n).indexOf(0x0a);
      if (nl >= 0) {
        chunks.push(buf.subarray(0, nl));
        return Buffer.concat(chunks).toString('utf8');
      }
      chunks.push(buf.subarray(0, n));
      pos += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}
