// The cache-manager major version a file is written against (v4 takes `{ ttl }` in seconds, v5+
// a number in milliseconds). Read from package.json files as JSON, never by loading the package.
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { readText } from '../model/modules/disk';

const DEP_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** package.json path → parsed content (null: missing or unreadable) */
const manifests = new Map<string, Record<string, unknown> | null>();
/** folder → answer for files in it */
const byDir = new Map<string, number | undefined>();

function manifest(file: string): Record<string, unknown> | null {
  let m = manifests.get(file);
  if (m === undefined) {
    try {
      // through module resolution's cache of the disk: most folders hold no package.json, and a
      // read that fails (throws) costs several times a stat; the same files are read there anyway
      const text = readText(file);
      if (text === undefined) throw new Error('no package.json');
      const data: unknown = JSON.parse(text);
      m = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
    } catch {
      m = null;
    }
    manifests.set(file, m);
  }
  return m;
}

/** The range a package.json declares for cache-manager, if it lists it. */
function declaredRange(pkg: Record<string, unknown>): string | undefined {
  for (const field of DEP_FIELDS) {
    const deps = pkg[field];
    if (deps && typeof deps === 'object' && 'cache-manager' in deps) {
      const r = (deps as Record<string, unknown>)['cache-manager'];
      return typeof r === 'string' ? r : '';
    }
  }
  return undefined;
}

export function cacheManagerMajor(file: string): number | undefined {
  // asked for every file of a run: an absolute path's folder without path.resolve's normalising
  const dir = isAbsolute(file) ? file.slice(0, Math.max(file.lastIndexOf(sep), 1)) : dirname(resolve(file));
  let answer: number | undefined;
  // every folder passed on the way up has the same answer: the next file's folder stops at one
  const passed: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    if (byDir.has(d)) {
      answer = byDir.get(d);
      break;
    }
    passed.push(d);
    const pkg = manifest(join(d, 'package.json'));
    const range = pkg ? declaredRange(pkg) : undefined;
    if (range !== undefined) {
      answer = installedMajor(d) ?? majorOfRange(range);
      break;
    }
    if (dirname(d) === d) break;
  }
  for (const d of passed) byDir.set(d, answer);
  return answer;
}

/** The version installed where Node would resolve it from `dir` (nearest node_modules upward). */
function installedMajor(dir: string): number | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const pkg = manifest(join(d, 'node_modules', 'cache-manager', 'package.json'));
    if (pkg) return typeof pkg.version === 'string' ? majorOfRange(pkg.version) : undefined;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * The one major version a semver range allows: `^5.2.0`, `~4`, `5.x`, `=5.1.0`, `v5`,
 * `5.0.0 - 5.4.0`, `^5 || ~5.1`, `npm:cache-manager@^5`, `workspace:^5` → 5. Anything that allows
 * several majors or names no version (`>=4`, `*`, `latest`, a git URL) → undefined.
 */
export function majorOfRange(range: string): number | undefined {
  let r = range.trim();
  const alias = /^(?:npm:(?:@[^/]+\/)?[^@]+@|workspace:)(.*)$/.exec(r);
  if (alias) r = alias[1].trim();
  let major: number | undefined;
  for (const alt of r.split('||')) {
    const m = majorOfAlternative(alt.trim());
    if (m === undefined || (major !== undefined && m !== major)) return undefined;
    major = m;
  }
  return major;
}

function majorOfAlternative(alt: string): number | undefined {
  // Pattern: 5.0.0 - 5.9.0 (hyphen range)
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(alt);
  if (hyphen) {
    const a = exactMajor(hyphen[1]);
    return a !== undefined && a === exactMajor(hyphen[2]) ? a : undefined;
  }
  const m = /^(?:[\^~]|=|~>)?\s*v?(\d+)(?:\.(?:\d+|[xX*])(?:\.(?:\d+|[xX*]))?)?(?:[-+][0-9A-Za-z.-]+)?$/.exec(alt);
  if (!m) return undefined;
  return Number(m[1]);
}

function exactMajor(v: string): number | undefined {
  const m = /^v?(\d+)(?:\.\d+){0,2}(?:[-+][0-9A-Za-z.-]+)?$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

/** Forgets what was read (the language server calls this when a package.json changes). */
export function clearPackageCache(): void {
  manifests.clear();
  byDir.clear();
}
