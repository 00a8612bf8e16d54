// Test harness shared by fixture, docs and sample-app tests: analyse in-memory or on-disk sources
// with the real engine, and read the inline annotations the fixtures carry.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, type ResolvedConfig } from '../src/config';
import { projectModulesFor } from '../src/model/modules/project-modules';
import { applyEdits } from '../src/engine/edits';
import { cacheManagerMajor } from '../src/engine/packages';
import { Analyzer, type FileResult } from '../src/engine/run';
import '../src/facts/index';
import type { Finding, RuleId } from '../src/rule';

export const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
export const FIXED_EXT = /\.fixed\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** `// config: {"defaultTtlSeconds": 60}` on the first lines of a file overrides the defaults. */
function configOf(text: string): ResolvedConfig {
  const c = defaultConfig();
  const m = /^\s*\/\/\s*config:\s*(\{.*\})\s*$/m.exec(text.split('\n').slice(0, 5).join('\n'));
  if (m) Object.assign(c, JSON.parse(m[1]));
  return c;
}

/** Analyses a set of files (path → text) together, as one project. */
export function analyse(sources: Record<string, string>, opts: { only?: RuleId[] } = {}): Map<string, FileResult> {
  // the modules the file's tsconfig `paths` and workspace packages make the project's, as the CLI's config loader reads them
  const configs = new Map(Object.entries(sources).map(([f, t]) => [f, fs.existsSync(f) ? { ...configOf(t), projectModules: projectModulesFor(f) } : configOf(t)]));
  const first = Object.values(sources)[0] ?? '';
  const analyzer = new Analyzer({
    configFor: (f) => configs.get(f) ?? configOf(first),
    cacheManagerMajor: (f) => (fs.existsSync(f) ? cacheManagerMajor(f) : undefined),
    only: opts.only,
  });
  for (const [f, t] of Object.entries(sources)) analyzer.setFile(f, t);
  return analyzer.run();
}

/** Reads a fixture case: one file, or every source file under a directory (not the .fixed ones). */
export function readCase(p: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (f: string) => {
    const st = fs.statSync(f);
    if (st.isDirectory()) for (const e of fs.readdirSync(f).sort()) visit(path.join(f, e));
    else if (SOURCE_EXT.test(f) && !FIXED_EXT.test(f) && !f.endsWith('.d.ts')) out[f] = fs.readFileSync(f, 'utf8');
  };
  visit(p);
  return out;
}

export interface Expectation {
  file: string;
  line: number; // 1-based
  rule: string;
  todo: boolean;
}

/** `// expect: a, b` and `// todo-expect: a` annotations, by line. */
export function expectations(file: string, text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split('\n').forEach((l, i) => {
    const m = /\/[/*]\s*(todo-)?expect:\s*([\w-]+(?:\s*,\s*[\w-]+)*)/.exec(l);
    if (!m) return;
    for (const rule of m[2].split(',').map((s) => s.trim())) out.push({ file, line: i + 1, rule, todo: !!m[1] });
  });
  return out;
}

export function isValidCase(text: string): boolean {
  return /^\s*(\/\/\s*config:.*\n\s*)?\/\/\s*valid:/.test(text);
}

export function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Findings as `file:line rule` strings, to compare with annotations. */
export function findingKeys(results: Map<string, FileResult>, sources: Record<string, string>): string[] {
  const keys: string[] = [];
  for (const r of results.values()) {
    for (const f of r.findings) keys.push(`${path.basename(f.file)}:${lineOfOffset(sources[f.file], f.span.start)} ${f.ruleId}`);
    if (r.parseErrors.length) keys.push(`${path.basename(r.file)}: parse error ${r.parseErrors[0].message}`);
  }
  return keys.sort();
}

export function expectedKeys(sources: Record<string, string>): { expected: string[]; todo: string[] } {
  const expected: string[] = [];
  const todo: string[] = [];
  for (const [f, t] of Object.entries(sources))
    for (const e of expectations(f, t)) (e.todo ? todo : expected).push(`${path.basename(f)}:${e.line} ${e.rule}`);
  return { expected: expected.sort(), todo: todo.sort() };
}

/** Applies, per file, the fix (or else the first suggestion) of every finding of `rule`. */
export function applyRuleFixes(results: Map<string, FileResult>, sources: Record<string, string>, rule: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of results.values()) {
    const fixes = r.findings.filter((f: Finding) => f.ruleId === rule).map((f) => f.fix ?? f.suggestions[0]).filter((x) => !!x);
    if (fixes.length === 0) continue;
    out[r.file] = applyEdits(sources[r.file], fixes.flatMap((f) => f!.edits));
  }
  return out;
}

export function fixedPathOf(file: string): string {
  return file.replace(SOURCE_EXT, (ext) => `.fixed${ext}`);
}
