// What module resolution reads from the disk: tsconfig/jsconfig files, package.json manifests,
// pnpm-workspace.yaml and lerna.json (as data, never run), and whether folders exist. Each path is
// read or stat'ed once per process (the language server clears this when one of them changes), so
// resolving thousands of imports walks no folder twice. Source files are never read here: which of
// them exist is the analysed file set's answer (the editor's unsaved documents included).
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname } from 'node:path';

const texts = new Map<string, string | null>();
/** folders whose entries a listing read (the CLI's): name → what it is ('link': ask the disk) */
const listed = new Map<string, Map<string, 'file' | 'dir' | 'link'>>();
/** names as a stat finds them: on macOS and Windows file systems usually ignore case */
const nameKey = process.platform === 'darwin' || process.platform === 'win32' ? (n: string) => n.toLowerCase() : (n: string) => n;
const stats = new Map<string, 'file' | 'dir' | null>();
const listings = new Map<string, string[]>();
const realpaths = new Map<string, string>();
const problems = new Map<string, string>();
const clearers: (() => void)[] = [];

/** The file's text (BOM removed), or undefined when it is missing or unreadable. */
export function readText(file: string): string | undefined {
  let t = texts.get(file);
  if (t === undefined) {
    // a stat that finds nothing is cheap; a read that fails throws, and most folders hold no config
    if (!isFile(file)) return undefined;
    try {
      t = readFileSync(file, 'utf8');
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    } catch {
      t = null;
    }
    texts.set(file, t);
  }
  return t ?? undefined;
}

/**
 * Takes a folder's entries as a listing read them: a probe of a name in it, or below a name absent
 * from it, is then answered without a stat. Only for a run that ends before the disk changes (the
 * CLI); the language server's cache lives on, and stats what it asks.
 */
export function knowListing(dir: string, entries: readonly Dirent[]): void {
  const names = new Map<string, 'file' | 'dir' | 'link'>();
  for (const e of entries) {
    const kind = e.isFile() ? 'file' : e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : undefined;
    if (kind) names.set(nameKey(e.name), kind);
    // a socket, a FIFO: neither a file nor a folder, as a stat would say
  }
  listed.set(dir, names);
  // the same names, for listDir (workspace globs, baseUrl folders): no second read of the folder
  listings.set(dir, entries.map((e) => e.name).sort());
}

/** What a listing says of `p` (null: not there), up to three folders above it; undefined: ask the disk. */
function fromListing(p: string): 'file' | 'dir' | null | undefined {
  let child = p;
  for (let i = 0; i < 3; i++) {
    const dir = dirname(child);
    if (dir === child) return undefined;
    const names = listed.get(dir);
    if (names) {
      const kind = names.get(nameKey(basename(child)));
      if (kind === undefined) return null;
      // a folder that is there says nothing of what lies below it; a link is the disk's to answer
      return child === p && kind !== 'link' ? kind : undefined;
    }
    child = dir;
  }
  return undefined;
}

function statOf(p: string): 'file' | 'dir' | null {
  let s = stats.get(p);
  if (s === undefined) {
    s = fromListing(p);
    if (s === undefined)
      try {
        // resolution asks about a few names in every folder up to the root, and most are not there:
        // a stat that throws for each costs several times one that does not
        const st = statSync(p, { throwIfNoEntry: false });
        s = st?.isFile() ? 'file' : st?.isDirectory() ? 'dir' : null;
      } catch {
        s = null;
      }
    stats.set(p, s);
  }
  return s;
}

export function isFile(p: string): boolean {
  return statOf(p) === 'file';
}

export function isDir(p: string): boolean {
  return statOf(p) === 'dir';
}

/** A file or a folder (`.git` is either: a worktree's is a file). */
export function exists(p: string): boolean {
  return statOf(p) !== null;
}

/** The names in a folder, sorted ([] when it cannot be listed). */
export function listDir(dir: string): string[] {
  let l = listings.get(dir);
  if (!l) {
    try {
      l = readdirSync(dir).sort();
    } catch {
      l = [];
    }
    listings.set(dir, l);
  }
  return l;
}

/** The real path of a path inside node_modules (a linked workspace package); the path itself on failure. */
export function realpathOf(p: string): string {
  let r = realpaths.get(p);
  if (r === undefined) {
    try {
      r = realpathSync.native(p);
    } catch {
      r = p;
    }
    realpaths.set(p, r);
  }
  return r;
}

/**
 * A config or manifest that could not be used (malformed JSON or YAML): resolution goes on without
 * it, and the CLI and the language server name it once.
 */
export function noteProblem(file: string, detail: string): void {
  // a dependency's broken config is not the user's to fix
  if (file.includes('/node_modules/')) return;
  if (!problems.has(file)) problems.set(file, `${file}: ${detail}`);
}

/** The problems noted so far, one line each. */
export function layoutProblems(): string[] {
  return [...problems.values()];
}

/** Registers the reset of a cache derived from what this module read (tsconfig.ts, workspaces.ts). */
export function onClearLayout(clear: () => void): void {
  clearers.push(clear);
}

/** Forgets everything read: a tsconfig, package.json, pnpm-workspace.yaml or lerna.json changed. */
export function clearModuleLayout(): void {
  texts.clear();
  stats.clear();
  listed.clear();
  listings.clear();
  realpaths.clear();
  problems.clear();
  for (const c of clearers) c();
}
