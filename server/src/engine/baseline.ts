// The baseline of a legacy codebase: today's findings, counted per file and rule, in
// `cachelint-baseline.json`, so that only new ones are reported. The format and the matching are
// ESLint's bulk suppressions (`eslint-suppressions.json`, lib/services/suppressions-service.js):
//   { "src/users.ts": { "missing-ttl": { "count": 2 } } }
// A file with at most as many findings of a rule as recorded has them all baselined; one with more
// has them all reported, since a count cannot tell which one is new. Paths are relative to the
// baseline's own folder (ESLint's are relative to the cwd), so any run inside the project, and the
// editor, read the same file the same way.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Finding } from '../rule';
import { projectRootOf } from './roots';

export const BASELINE_FILE = 'cachelint-baseline.json';

/** relative path → rule id → count */
export type Baseline = Record<string, Record<string, { count: number }>>;

export class BaselineError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`Invalid cachelint baseline ${file}: ${detail}`);
    this.name = 'BaselineError';
  }
}

/** Validates a baseline's JSON: a malformed one must not silently hide or show findings. */
export function parseBaseline(file: string, text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new BaselineError(file, `malformed JSON (${(e as Error).message})`);
  }
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(data)) throw new BaselineError(file, 'expected an object of files');
  const out: Baseline = {};
  for (const [path, rules] of Object.entries(data)) {
    if (!isObject(rules)) throw new BaselineError(file, `"${path}": expected an object of rules`);
    out[path] = {};
    for (const [rule, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
        throw new BaselineError(file, `"${path}" → "${rule}": expected { "count": <a whole number> }`);
      out[path][rule] = { count };
    }
  }
  return out;
}

/** The baseline in `file`, or undefined when there is none. Throws BaselineError when it cannot be used. */
export function readBaseline(file: string): Baseline | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new BaselineError(file, `cannot read the file (${code ?? String(e)})`);
  }
  return parseBaseline(file, text);
}

/** Sorted keys, two-space indent, a final newline: stable diffs in review. */
export function serializeBaseline(b: Baseline): string {
  const sorted: Baseline = {};
  for (const path of Object.keys(b).sort()) {
    const rules = Object.keys(b[path]).sort();
    if (rules.length === 0) continue;
    sorted[path] = {};
    for (const r of rules) sorted[path][r] = { count: b[path][r].count };
  }
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** The nearest existing baseline above a file (up to the repository root). */
export function findBaseline(file: string, exists: (p: string) => boolean = existsSync): string | undefined {
  for (let d = dirname(file); ; ) {
    const candidate = join(d, BASELINE_FILE);
    if (exists(candidate)) return candidate;
    const parent = dirname(d);
    if (parent === d || exists(join(d, '.git'))) return undefined;
    d = parent;
  }
}

/**
 * `findBaseline` for many files: each folder is asked about once, and a folder's answer is its
 * parent's when it holds neither a baseline nor `.git` (a run's files share a few folders).
 */
export function baselineFinder(exists: (p: string) => boolean = existsSync): (file: string) => string | undefined {
  const byDir = new Map<string, string | null>();
  const inDir = (d: string): string | null => {
    let found = byDir.get(d);
    if (found !== undefined) return found;
    const candidate = join(d, BASELINE_FILE);
    const parent = dirname(d);
    found = exists(candidate) ? candidate : parent === d || exists(join(d, '.git')) ? null : inDir(parent);
    byDir.set(d, found);
    return found;
  };
  return (file) => inDir(dirname(file)) ?? undefined;
}

/** Where a file's findings are baselined: the nearest existing baseline, else one next to its project root. */
export function baselineFileFor(file: string): string {
  return findBaseline(file) ?? join(projectRootOf(file) ?? dirname(file), BASELINE_FILE);
}

/** A file's key in the baseline: its path relative to the baseline's folder, with `/`. */
export function baselineKey(baselineFile: string, file: string): string {
  const rel = relative(dirname(baselineFile), file);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Findings per rule (only findings of a rule count: unused-directive reports and parse errors are never baselined). */
export function countByRule(findings: readonly Finding[], judged: (ruleId: string) => boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) if (f.ruleId && judged(f.ruleId)) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
}

export interface BaselineSplit {
  kept: Finding[];
  baselined: Finding[];
  /** per rule, how many recorded findings did not occur */
  unused: Record<string, number>;
}

/**
 * Splits one file's findings by its baseline entry. `judged(rule)`: the rule ran on this file
 * (an entry of a rule that did not run, or is off, is neither matched nor unused).
 */
export function splitByBaseline(
  entry: Baseline[string] | undefined,
  findings: readonly Finding[],
  judged: (ruleId: string) => boolean,
): BaselineSplit {
  if (!entry) return { kept: [...findings], baselined: [], unused: {} };
  const counts = countByRule(findings, judged);
  const kept: Finding[] = [];
  const baselined: Finding[] = [];
  for (const f of findings) {
    const recorded = f.ruleId ? entry[f.ruleId]?.count : undefined;
    if (f.ruleId && recorded !== undefined && judged(f.ruleId) && counts[f.ruleId] <= recorded) baselined.push(f);
    else kept.push(f);
  }
  const unused: Record<string, number> = {};
  for (const [rule, { count }] of Object.entries(entry)) {
    if (!judged(rule)) continue;
    const n = counts[rule] ?? 0;
    if (n < count) unused[rule] = count - n;
  }
  return { kept, baselined, unused };
}

/** `--write-baseline`: the judged rules of `key` get today's counts (others stay as recorded). */
export function recordCounts(b: Baseline, key: string, counts: Record<string, number>, judged: (ruleId: string) => boolean): void {
  const entry = { ...(b[key] ?? {}) };
  for (const rule of Object.keys(entry)) if (judged(rule)) delete entry[rule];
  for (const [rule, n] of Object.entries(counts)) if (n > 0) entry[rule] = { count: n };
  if (Object.keys(entry).length > 0) b[key] = entry;
  else delete b[key];
}

/** `--prune-baseline`: recorded counts of the judged rules drop to what still occurs (never rise). */
export function pruneCounts(b: Baseline, key: string, counts: Record<string, number>, judged: (ruleId: string) => boolean): void {
  const entry = b[key];
  if (!entry) return;
  for (const [rule, { count }] of Object.entries(entry)) {
    if (!judged(rule)) continue;
    const n = Math.min(count, counts[rule] ?? 0);
    if (n > 0) entry[rule] = { count: n };
    else delete entry[rule];
  }
  if (Object.keys(entry).length === 0) delete b[key];
}
