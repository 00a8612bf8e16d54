// The two kinds of glob module resolution reads: tsconfig `include`/`exclude` patterns (which files
// a config governs) and workspace package patterns (`packages/*`, `apps/**`, `!packages/legacy`).
// Both know `*`, `?` and `**` only, as TypeScript and the package managers document them.
import { join } from 'node:path';
import { isDir, listDir } from './disk';

/** Folders a `**` never enters: dependencies and dot-folders (.git, .turbo, .next…). */
const SKIPPED = new Set(['node_modules', 'bower_components', 'jspm_packages']);

/** How deep `**` goes in a workspace pattern: package folders sit a few levels down at most. */
const MAX_DEPTH = 5;

function segmentSource(seg: string): string {
  return seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
}

/**
 * A tsconfig pattern (already absolute, `/`-separated) as a regex over absolute file paths. As in
 * TypeScript, an `include` whose last part has no extension and no wildcard names a folder (all of
 * its files), and an `exclude` also excludes everything below what it matches.
 */
export function tsconfigPatternRegex(pattern: string, kind: 'include' | 'exclude'): RegExp {
  const segs = pattern.replace(/\/+$/, '').split('/');
  if (kind === 'include' && !/[.*?]/.test(segs[segs.length - 1])) segs.push('**', '*');
  let src = '';
  segs.forEach((seg, i) => {
    if (seg === '**') src += '(?:[^/]+/)*';
    else src += segmentSource(seg) + (i < segs.length - 1 ? '/' : '');
  });
  if (src.endsWith('/')) src = src.slice(0, -1);
  return new RegExp(`^${src}${kind === 'exclude' ? '(?:/.*)?' : ''}$`);
}

/**
 * The folders under `root` that workspace patterns name (npm/yarn `workspaces`, pnpm `packages`,
 * lerna `packages`), in sorted order; `!pattern` removes folders. Only folders are returned: the
 * caller keeps those holding a package.json.
 */
export function expandWorkspacePatterns(root: string, patterns: readonly string[]): string[] {
  const found = new Set<string>();
  const negated: RegExp[] = [];
  for (const raw of patterns) {
    if (typeof raw !== 'string' || !raw.trim()) continue;
    const neg = raw.startsWith('!');
    const p = raw.slice(neg ? 1 : 0).trim().replace(/^\.\//, '').replace(/\/+$/, '');
    // a pattern reaching outside the root, or an absolute one, is not a workspace folder
    if (!p || p.startsWith('/') || p.split('/').includes('..')) continue;
    if (neg) negated.push(new RegExp(`^${p.split('/').map((s) => (s === '**' ? '.*' : segmentSource(s))).join('/')}(?:/.*)?$`));
    else for (const d of expand(root, p.split('/'), 0)) found.add(d);
  }
  return [...found]
    .filter((d) => {
      const rel = d === root ? '.' : d.slice(root.length + 1);
      return !negated.some((n) => n.test(rel));
    })
    .sort();
}

function expand(dir: string, segs: readonly string[], depth: number): string[] {
  if (segs.length === 0) return [dir];
  const [seg, ...rest] = segs;
  if (seg === '.' || seg === '') return expand(dir, rest, depth);
  if (seg === '**') {
    // zero folders, or one more and `**` again
    const out = expand(dir, rest, depth);
    if (depth < MAX_DEPTH) for (const sub of subdirs(dir)) out.push(...expand(sub, segs, depth + 1));
    return out;
  }
  if (!/[*?]/.test(seg)) {
    const next = join(dir, seg);
    return isDir(next) ? expand(next, rest, depth) : [];
  }
  const re = new RegExp(`^${segmentSource(seg)}$`);
  return subdirs(dir)
    .filter((d) => re.test(d.slice(dir.length + 1)))
    .flatMap((d) => expand(d, rest, depth));
}

function subdirs(dir: string): string[] {
  return listDir(dir)
    .filter((n) => !n.startsWith('.') && !SKIPPED.has(n))
    .map((n) => join(dir, n))
    .filter(isDir);
}
