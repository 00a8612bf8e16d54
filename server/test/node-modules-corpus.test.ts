// Real code nobody here wrote: the CLI as it ships (dist/, whose parser bundle holds only the
// compiler's parser layer: esbuild.mjs) over every source file in the project's own node_modules (about 6,000 files, 70 MB: TypeScript, esbuild, vitest, ts-morph…), every file parsed.
// The promise under test is robustness, not findings: no crash, no file the engine gave up on, no
// syntax error in code that runs, bounded time. The findings are printed for review: a cache rule
// firing inside a dependency is a false positive worth a look.
import { readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listFiles } from '../src/engine/files';
import type { LintResult } from '../src/report/json';
import { bundledCli } from './e2e/build';
import { buildCli, expectNoCrash, project, REPO, runCli, type BuiltCli } from './reliability-fixtures/built-cli';

/**
 * A hang guard, not a benchmark: the tree is ~6,000 files, parsed whole, while the suite's other
 * files run beside it on 2 cores (about 2 minutes of CPU; 5 minutes is far past any healthy run).
 */
const BOUND_MS = 300_000;
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;
const DECLARATION = /\.d\.(ts|mts|cts)$/i;

/**
 * Syntax errors the TypeScript parser reports in valid sloppy-mode JavaScript (octal escapes and
 * literals are legal outside strict mode). Known gap in syntax/walk.ts parseDiagnostics: they are
 * reported as parse errors. Any other parse error in node_modules fails the test.
 */
const KNOWN_FALSE_PARSE_ERRORS = [/^Parsing error: Octal escape sequences are not allowed\./, /^Parsing error: Octal literals are not allowed\./, /^Parsing error: Escape sequence '\\\d' is not allowed\./];

let built: BuiltCli;
let shipped: string;
beforeAll(async () => {
  built = await buildCli('corpus');
  shipped = await bundledCli();
});
afterAll(() => {
  built?.dispose();
  if (shipped) rmSync(dirname(shipped), { recursive: true, force: true });
});

/** The files the lister should find, counted independently: regular source files (links followed, each folder once). */
function sourceFilesUnder(dir: string, seen = new Set<string>()): number {
  const real = realpathSync(dir);
  if (seen.has(real)) return 0;
  seen.add(real);
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory() && e.name !== '.git') n += sourceFilesUnder(p, seen);
    else if (st.isFile() && SOURCE.test(e.name) && !DECLARATION.test(e.name)) n++;
  }
  return n;
}

it('analyses every source file of node_modules (the full tree, --parse-all) without a crash', () => {
  const expected = sourceFilesUnder(join(REPO, 'node_modules'));
  const out = join(built.work, 'node-modules.json');
  // (no compile cache: each run's copy of the bundle would leave one behind in the temp dir)
  const r = runCli(shipped, REPO, ['node_modules', '--parse-all', '-f', 'json', '-o', out], { timeoutMs: BOUND_MS + 60_000, env: { NODE_DISABLE_COMPILE_CACHE: '1' } });
  expectNoCrash(r);
  expect(r.ms).toBeLessThan(BOUND_MS);

  const results = JSON.parse(readFileSync(out, 'utf8')) as LintResult[];
  const notices = r.stderr.split('\n').filter((l) => l.startsWith('cachelint: '));
  const skipped = notices.filter((l) => /File ignored because it (is larger than maxFileSize|looks binary)/.test(l));
  // every file the independent count finds is either analysed or skipped with a notice: nothing
  // below node_modules (dist/, build/, nested node_modules/) is silently left out
  expect(results.length + skipped.length).toBe(expected);
  // (the coverage notice says which cache-like calls it could not follow: library code has many)
  const coverage = notices.filter((l) => l.includes('#when-cachelint-sees-no-cache-calls'));
  expect(notices.filter((l) => !skipped.includes(l) && !coverage.includes(l))).toEqual([]);

  const perRule: Record<string, number> = {};
  const findings: string[] = [];
  const parseErrors: string[] = [];
  for (const res of results)
    for (const m of res.messages) {
      const where = `${res.filePath.slice(REPO.length + 1)}:${m.line}:${m.column}`;
      if (m.fatal) parseErrors.push(`${where} ${m.message}`);
      else {
        perRule[m.ruleId ?? '(directive)'] = (perRule[m.ruleId ?? '(directive)'] ?? 0) + 1;
        findings.push(`${where} ${m.ruleId} ${m.message}`);
      }
    }
  console.log(
    [
      `node_modules: ${results.length} files analysed, ${skipped.length} skipped with a notice, in ${(r.ms / 1000).toFixed(1)} s (exit ${r.code})`,
      `findings per rule: ${JSON.stringify(perRule)}`,
      ...findings.map((f) => `  finding: ${f}`),
      ...parseErrors.map((p) => `  parse error: ${p}`),
      ...skipped.map((s) => `  ${s}`),
    ].join('\n'),
  );

  // a file the engine gave up on (an exception inside a recogniser) is a crash in disguise
  expect(parseErrors.filter((p) => p.includes('cachelint could not analyse this file'))).toEqual([]);
  // code that runs has no syntax errors, apart from the known sloppy-mode gap
  expect(parseErrors.filter((p) => !KNOWN_FALSE_PARSE_ERRORS.some((re) => re.test(p.slice(p.indexOf(' ') + 1))))).toEqual([]);
  expect(r.code).toBe(parseErrors.length > 0 ? 1 : 0);
}, BOUND_MS + 90_000);

it('a folder named node_modules, or one inside it, is listed whole; elsewhere the usual skips apply', () => {
  const root = project(built.work, {
    '.gitignore': 'node_modules/\ndist/\n*.gen.js\n',
    'src/a.ts': '',
    'src/dist/b.js': '',
    'node_modules/pkg/index.js': '',
    'node_modules/pkg/dist/index.mjs': '',
    'node_modules/pkg/build/x.cjs': '',
    'node_modules/pkg/out.gen.js': '',
    'node_modules/pkg/.gitignore': '*.js\n',
    'node_modules/pkg/node_modules/dep/lib/y.js': '',
    'node_modules/pkg/types.d.ts': '',
    'node_modules/pkg/.git/hooks/z.js': '',
  });
  const rel = (paths: string[]) => listFiles(paths, { cwd: root }).files.map((f) => f.slice(root.length + 1));
  const whole = ['node_modules/pkg/build/x.cjs', 'node_modules/pkg/dist/index.mjs', 'node_modules/pkg/index.js', 'node_modules/pkg/node_modules/dep/lib/y.js', 'node_modules/pkg/out.gen.js'];
  expect(rel(['.'])).toEqual(['src/a.ts']);
  expect(rel(['node_modules'])).toEqual(whole);
  expect(rel(['node_modules/pkg/dist'])).toEqual(['node_modules/pkg/dist/index.mjs']);
  expect(rel(['node_modules/**/*.js'])).toEqual(['node_modules/pkg/index.js', 'node_modules/pkg/node_modules/dep/lib/y.js', 'node_modules/pkg/out.gen.js']);
  // the config's ignore still applies inside
  const ignore = (p: string) => p.includes('/node_modules/pkg/node_modules/');
  expect(listFiles(['node_modules'], { cwd: root, ignore }).files.length).toBe(whole.length - 1);
});
