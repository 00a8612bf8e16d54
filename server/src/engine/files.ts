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

  /** `whole`: inside a named dependency folder, walk everything but `.git` (see the header). */
  const walk = (dir: string, matchers: IgnoreMatcher[], accept: (file: string) => boolean, whole: boolean): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    // Pattern: a symlink to an ancestor folder (loop) or a second link to the same folder
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdir(dir);
    } catch (e) {
      notices.push(`Cannot read directory ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      return;
    }
    const own = !whole && entries.some((e) => e.name === '.gitignore') ? gitignoreOf(dir) : null;
    const ms = own ? [...matchers, own] : matchers;
    for (const e of entries) {
      const p = join(dir, e.name);
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
        if (skipped || ignoredBy(ms, p, true) || opts.ignore?.(p + sep)) continue;
        // Linked folders wait until the real tree is walked, so files get their real paths.
        if (link) deferred.push(() => walk(p, ms, accept, whole));
        else walk(p, ms, accept, whole);
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
      const re = globToRegExp(pattern, { braces: true });
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
  re: RegExp;
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
    rules.push({ re: globToRegExp(anchored ? line : `**/${line}`), negate, dirOnly });
  }
  return { base, rules };
}

/** Whether `file` is ignored: the last matching rule wins, deeper files after outer ones. */
export function ignoredBy(matchers: readonly IgnoreMatcher[], file: string, isDir: boolean): boolean {
  let ignored = false;
  for (const m of matchers) {
    const rel = toPosix(relative(m.base, file));
    if (rel === '' || rel.startsWith('../') || rel === '..') continue;
    for (const r of m.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.negate === ignored && r.re.test(rel)) ignored = !r.negate;
    }
  }
  return ignored;
}

/**
 * A glob over `/`-separated relative paths: `*` and `?` stay within a segment, `**` spans
 * segments (`a/**\/b` matches `a/b`), `[abc]`/`[!a-z]` classes, `\` escapes, and with `braces`
 * `{ts,tsx}` alternatives.
 */
export function globToRegExp(glob: string, opts: { braces?: boolean } = {}): RegExp {
  return new RegExp(`^${globSource(glob, opts.braces ?? false)}$`);
}

function globSource(g: string, braces: boolean): string {
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*' && (i === 0 || g[i - 1] === '/') && (i + 2 === g.length || g[i + 2] === '/')) {
        if (g[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else {
        while (g[i + 1] === '*') i++;
        re += '[^/]*';
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const close = g.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = g.slice(i + 1, close);
        const neg = body.startsWith('!') || body.startsWith('^');
        if (neg) body = body.slice(1);
        re += `[${neg ? '^' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < g.length) {
      re += escapeRe(g[++i]);
    } else if (c === '{' && braces) {
      const close = matchingBrace(g, i);
      if (close < 0) re += '\\{';
      else {
        re += `(?:${splitTopLevel(g.slice(i + 1, close)).map((a) => globSource(a, true)).join('|')})`;
        i = close;
      }
    } else {
      re += escapeRe(c);
    }
  }
  return re;
}

function escapeRe(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
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
