// File discovery for the CLI: expands folders and globs into the source files to analyse, the way
// ESLint does: build output and dependencies are skipped, `.gitignore` files are honoured (with a
// small matcher of git's rules, no dependency), explicitly named files are always analysed.
// A folder named explicitly that is itself dependency code (`cachelint node_modules`, or anything
// below a node_modules folder) is walked whole, as ESLint's `--no-ignore` would: packages ship their
// code in dist/ and build/, and the project's `.gitignore` excludes node_modules wholesale, so the
// usual skips would hide most of what the user asked for. Only `.git` and the config's `ignore`
// still apply there.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
const DECLARATION = /\.d\.(ts|mts|cts)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'out', 'coverage', '.next', '.turbo']);
const DEPENDENCIES = 'node_modules';
const GLOB_CHARS = /[*?[\]{}]/;

export interface ListOptions {
  cwd: string;
  /**
   * Extra exclusion (the config's `ignore`): called with absolute file paths, and with folder paths
   * ending in the path separator so a whole folder can be pruned.
   */
  ignore?: (file: string) => boolean;
  /** test seam: running as root, a chmod 000 folder is still readable */
  readdir?: (dir: string) => Dirent[];
  /**
   * Each folder's entries as they are read, before the folder's own ignore check: the CLI hands
   * them to the module layout's disk cache, so the config, tsconfig and package.json probes in a
   * listed folder need no stat (model/modules/disk.ts `knowListing`).
   */
  onListing?: (dir: string, entries: readonly Dirent[]) => void;
}

export function isSourceFile(name: string): boolean {
  return EXTENSIONS.test(name) && !DECLARATION.test(name);
}

export function listFiles(paths: string[], opts: ListOptions): { files: string[]; notices: string[] } {
  const out = new Set<string>();
  const notices: string[] = [];
  const readdir = opts.readdir ?? ((dir: string) => readdirSync(dir, { withFileTypes: true }));
  const visited = new Set<string>();
  const deferred: (() => void)[] = [];
  const gitignores = new Map<string, IgnoreMatcher | null>();

  const gitignoreOf = (dir: string): IgnoreMatcher | null => {
    let m = gitignores.get(dir);
    if (m === undefined) {
      try {
        m = compileIgnore(readFileSync(join(dir, '.gitignore'), 'utf8').split(/\r?\n/), dir);
      } catch {
        m = null;
      }
      gitignores.set(dir, m);
    }
    return m;
  };

  /** The folder's entries, handed to `onListing` (throws when it cannot be read). */
  const list = (dir: string): Dirent[] => {
    const entries = readdir(dir);
    opts.onListing?.(dir, entries);
    return entries;
  };

  /**
   * `whole`: inside a named dependency folder, walk everything but `.git` (see the header).
   * `realDir`: the folder's real path when the caller knows it (a plain subfolder of a real folder).
   * `listed`: the folder's entries, when they were read before its ignore check.
   */
  const walk = (dir: string, matchers: IgnoreMatcher[], accept: (file: string) => boolean, whole: boolean, realDir?: string, listed?: Dirent[]): void => {
    let real: string;
    try {
      real = realDir ?? realpathSync(dir);
    } catch {
      return;
    }
    // Pattern: a symlink to an ancestor folder (loop) or a second link to the same folder
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = listed ?? list(dir);
    } catch (e) {
      notices.push(`Cannot read directory ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      return;
    }
    const own = !whole && entries.some((e) => e.name === '.gitignore') ? gitignoreOf(dir) : null;
    const ms = own ? [...matchers, own] : matchers;
    // `dir` is normal and a name holds no separator: a join's normalising pass per entry is not needed
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const e of entries) {
      const p = prefix + e.name;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      const link = e.isSymbolicLink();
      if (link) {
        try {
          const st = statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) {
        const skipped = whole ? e.name === '.git' : SKIP_DIRS.has(e.name);
        if (skipped || ignoredBy(ms, p, true)) continue;
        // the folder's entries first: its config ignore check looks for a config file in it (one
        // that cannot be read is reported by its walk, unless it is ignored)
        let listed: Dirent[] | undefined;
        if (!link && opts.onListing)
          try {
            listed = list(p);
          } catch {
            listed = undefined;
          }
        if (opts.ignore?.(p + sep)) continue;
        // Linked folders wait until the real tree is walked, so files get their real paths.
        if (link) deferred.push(() => walk(p, ms, accept, whole));
        else walk(p, ms, accept, whole, join(real, e.name), listed);
      } else if (isFile && isSourceFile(e.name) && !ignoredBy(ms, p, false) && !opts.ignore?.(p) && accept(p)) {
        out.add(p);
      }
    }
  };

  for (const arg of paths) {
    const abs = resolve(opts.cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isFile()) {
      out.add(abs);
    } else if (st?.isDirectory()) {
      const whole = inDependencies(abs);
      walk(abs, whole ? [] : ancestorIgnores(abs, gitignoreOf), () => true, whole);
    } else if (GLOB_CHARS.test(arg)) {
      // Pattern: cachelint 'src/**/*.ts' (a quoted glob the shell did not expand)
      const pattern = toPosix(relative(opts.cwd, abs));
      const re = compileGlob(pattern, { braces: true });
      const base = resolve(opts.cwd, globBase(pattern));
      const whole = inDependencies(base);
      if (existsSync(base)) walk(base, whole ? [] : ancestorIgnores(base, gitignoreOf), (f) => re.test(toPosix(relative(opts.cwd, f))), whole);
    } else {
      notices.push(`No files matching the pattern "${arg}" were found.`);
    }
  }
  while (deferred.length > 0) deferred.shift()!();
  return { files: [...out].sort(), notices };
}

/** Whether a folder is, or lies inside, a node_modules folder. */
function inDependencies(dir: string): boolean {
  return dir.split(sep).includes(DEPENDENCIES);
}

/** `.gitignore` files of the folders above `dir`, up to the repository root, outermost first. */
function ancestorIgnores(dir: string, gitignoreOf: (d: string) => IgnoreMatcher | null): IgnoreMatcher[] {
  if (existsSync(join(dir, '.git'))) return [];
  const chain: string[] = [];
  for (let d = dirname(dir); ; d = dirname(d)) {
    chain.push(d);
    if (existsSync(join(d, '.git'))) break;
    if (dirname(d) === d) return []; // not in a repository: git ignores nothing above the walk
  }
  return chain
    .reverse()
    .map(gitignoreOf)
    .filter((m): m is IgnoreMatcher => m !== null);
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** The leading folders of a glob that hold no wildcard (`src/a/**\/*.ts` → `src/a`). */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const i = parts.findIndex((p) => GLOB_CHARS.test(p));
  return parts.slice(0, i < 0 ? parts.length : i).join('/') || '.';
}

// ---- .gitignore matching ----

interface IgnoreRule {
  re: GlobMatcher;
  negate: boolean;
  dirOnly: boolean;
}

/** The rules of one ignore file (or the config's `ignore` list), relative to `base`. */
export interface IgnoreMatcher {
  base: string;
  rules: IgnoreRule[];
}

/** Compiles `.gitignore`-style lines: `#` comments, `!` negation, trailing `/` for folders only,
 * a slash anywhere but the end anchors the pattern to `base`, otherwise it matches at any depth. */
export function compileIgnore(lines: readonly string[], base: string): IgnoreMatcher {
  const rules: IgnoreRule[] = [];
  for (const raw of lines) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '') continue;
    rules.push({ re: compileGlob(anchored ? line : `**/${line}`), negate, dirOnly });
  }
  return { base, rules };
}

/** Whether `file` is ignored: the last matching rule wins, deeper files after outer ones. */
export function ignoredBy(matchers: readonly IgnoreMatcher[], file: string, isDir: boolean): boolean {
  let ignored = false;
  for (const m of matchers) {
    // the common case, a file below the matcher's folder, without path.relative's normalising
    const rel = file.length > m.base.length && file.startsWith(m.base) && file[m.base.length] === sep ? toPosix(file.slice(m.base.length + 1)) : toPosix(relative(m.base, file));
    if (rel === '' || rel.startsWith('../') || rel === '..') continue;
    for (const r of m.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.negate === ignored && r.re.test(rel)) ignored = !r.negate;
    }
  }
  return ignored;
}

/** A compiled glob; `test` as on a RegExp. */
export interface GlobMatcher {
  test(path: string): boolean;
}

/**
 * A glob over `/`-separated relative paths: `*` and `?` stay within a segment, `**` spans
 * segments (`a/**\/b` matches `a/b`), `[abc]`/`[!a-z]` classes, `\` escapes, and with `braces`
 * `{ts,tsx}` alternatives. Matched by simulating the pattern's automaton, in time linear in the
 * path for each pattern character, never by a backtracking RegExp: `.gitignore` files come from
 * the analysed workspace, and `**\/**\/**\/…\/x` or `a*a*a*…b` would make one take hours.
 */
export function compileGlob(glob: string, opts: { braces?: boolean; /** test seam: never the string shortcuts */ automaton?: boolean } = {}): GlobMatcher {
  const tests = (opts.braces ? expandBraces(glob) : [glob])
    .map(tokenize)
    .map((p) => (opts.automaton ? undefined : shortcut(p)) ?? ((path: string) => runGlob(p, path)));
  return { test: (path) => tests.some((t) => t(path)) };
}

/**
 * The shapes most ignore lines take, tested with string operations instead of the automaton (every
 * listed file meets every line of every `.gitignore` above it): `name` (`**\/name`), `*.ext`
 * (`**\/*.ext`), an anchored `path`, and `dir/**`. Undefined for anything else.
 */
function shortcut(tokens: readonly GlobToken[]): ((path: string) => boolean) | undefined {
  const literal = (from: number, to = tokens.length): string | undefined => {
    let out = '';
    for (let i = from; i < to; i++) {
      const lit = tokens[i].t === 'char' ? (tokens[i] as { lit?: string }).lit : undefined;
      if (lit === undefined) return undefined;
      out += lit;
    }
    return out;
  };
  const first = tokens[0]?.t;
  if (first === 'dirs') {
    if (tokens[1]?.t === 'star') {
      // Pattern: *.log — the last segment ends with the literal
      const tail = literal(2);
      if (tail === undefined || tail.includes('/')) return undefined;
      return (path) => path.endsWith(tail) && path.lastIndexOf('/') <= path.length - tail.length - 1;
    }
    // Pattern: node_modules — the path is the name, or ends with /name
    const name = literal(1);
    if (name === undefined || name === '') return undefined;
    return (path) => path === name || path.endsWith(`/${name}`);
  }
  if (tokens.length > 0 && tokens[tokens.length - 1].t === 'rest') {
    // Pattern: dist/** — below the folder
    const prefix = literal(0, tokens.length - 1);
    return prefix === undefined || prefix === '' ? undefined : (path) => path.startsWith(prefix);
  }
  // Pattern: /coverage — exactly this path
  const whole = literal(0);
  return whole === undefined ? undefined : (path) => path === whole;
}

/** The former name, kept for callers that only need `test`. */
export const globToRegExp = compileGlob;

type GlobToken =
  /** one character (`lit`: exactly this one) */
  | { t: 'char'; ok: (c: string) => boolean; lit?: string }
  /** `*`: any characters but `/` */
  | { t: 'star' }
  /** `**\/`: zero or more whole folders */
  | { t: 'dirs' }
  /** a trailing `**`: anything */
  | { t: 'rest' };

function tokenize(g: string): GlobToken[] {
  const out: GlobToken[] = [];
  const notSlash = (c: string) => c !== '/';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      const segmentStart = i === 0 || g[i - 1] === '/';
      let j = i;
      while (g[j + 1] === '*') j++;
      if (j > i && segmentStart && (j + 1 === g.length || g[j + 1] === '/')) {
        const last = out[out.length - 1];
        if (j + 1 === g.length) out.push({ t: 'rest' });
        // Pattern: a/**/**/b is a/**/b (the repeat would only multiply the states)
        else if (last?.t !== 'dirs') out.push({ t: 'dirs' });
        i = j + 1 < g.length ? j + 1 : j;
      } else {
        if (out[out.length - 1]?.t !== 'star') out.push({ t: 'star' });
        i = j;
      }
    } else if (c === '?') {
      out.push({ t: 'char', ok: notSlash });
    } else if (c === '[' && g.indexOf(']', i + 2) >= 0) {
      const close = g.indexOf(']', i + 2);
      let body = g.slice(i + 1, close);
      const neg = body.startsWith('!') || body.startsWith('^');
      if (neg) body = body.slice(1);
      let re: RegExp | undefined;
      try {
        re = new RegExp(`^[${neg ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]$`);
      } catch {
        // Pattern: [z-a] (a range out of order): matches nothing, as in git
      }
      out.push({ t: 'char', ok: (ch) => ch !== '/' && re !== undefined && re.test(ch) });
      i = close;
    } else {
      const lit = c === '\\' && i + 1 < g.length ? g[++i] : c;
      out.push({ t: 'char', ok: (ch) => ch === lit, lit });
    }
  }
  return out;
}

/**
 * Runs the automaton: `on[i]` means "the first i tokens can match the text read so far"; for a
 * `**\/` token, `on[i]` is being at a folder boundary (where what follows may start) and `mid[i]`
 * being inside a folder name it skips (`**\/node_modules` must not match `xnode_modules`).
 */
function runGlob(tokens: readonly GlobToken[], path: string): boolean {
  const n = tokens.length;
  let on = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  let mid = new Uint8Array(n + 1);
  let nextMid = new Uint8Array(n + 1);
  const close = (a: Uint8Array) => {
    // `*`, `**/` and `**` may match nothing: whoever reaches them also reaches what follows
    for (let i = 0; i < n; i++) if (a[i] && tokens[i].t !== 'char') a[i + 1] = 1;
  };
  on[0] = 1;
  close(on);
  // UTF-16 units, as the pattern's literals are
  for (let k = 0; k < path.length; k++) {
    const c = path[k];
    next.fill(0);
    nextMid.fill(0);
    let alive = false;
    for (let i = 0; i < n; i++) {
      const tok = tokens[i];
      if (mid[i]) {
        // inside a skipped folder name: a `/` ends it, anything else continues it
        if (c === '/') next[i] = 1;
        else nextMid[i] = 1;
        alive = true;
      }
      if (!on[i]) continue;
      if (tok.t === 'char') {
        if (!tok.ok(c)) continue;
        next[i + 1] = 1;
      } else if (tok.t === 'star') {
        if (c === '/') continue;
        next[i] = 1;
      } else if (tok.t === 'dirs') {
        if (c === '/') next[i] = 1;
        else nextMid[i] = 1;
      } else next[i] = 1;
      alive = true;
    }
    if (!alive) return false;
    close(next);
    [on, next] = [next, on];
    [mid, nextMid] = [nextMid, mid];
  }
  return on[n] === 1;
}

/** `{a,b}` alternatives, nested or in sequence; past a few hundred, the rest stay literal. */
function expandBraces(g: string, limit = 256): string[] {
  for (let i = 0; i < g.length; i++) {
    if (g[i] === '\\') {
      i++;
      continue;
    }
    if (g[i] !== '{') continue;
    const close = matchingBrace(g, i);
    if (close < 0) return [g];
    const alts = splitTopLevel(g.slice(i + 1, close));
    if (alts.length < 2) continue;
    const heads = alts.flatMap((a) => expandBraces(a, limit));
    const tails = expandBraces(g.slice(close + 1), limit);
    if (heads.length * tails.length > limit) return [g];
    const prefix = g.slice(0, i);
    return heads.flatMap((h) => tails.map((t) => prefix + h + t));
  }
  return [g];
}

function matchingBrace(g: string, open: number): number {
  let depth = 0;
  for (let i = open; i < g.length; i++) {
    if (g[i] === '\\') i++;
    else if (g[i] === '{') depth++;
    else if (g[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}
