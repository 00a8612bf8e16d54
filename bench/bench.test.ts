// Smoke run of the benchmark's correctness gate: a small generated workspace, the built CLI as a
// process, and its findings compared with the planted ones rule by rule and line by line. No
// timing here (CI machines vary); `npm run bench` does the timing at full size.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO } from '../server/test/e2e/build';
import type { Expected } from './generate.mjs' with { 'resolution-mode': 'import' };

// the benchmark's modules are ES modules and this test file compiles to CommonJS: import() them
type FindingsModule = typeof import('./findings.mjs', { with: { 'resolution-mode': 'import' } });
type GeneratorModule = typeof import('./generate.mjs', { with: { 'resolution-mode': 'import' } });
let countByRule: FindingsModule['countByRule'];
let diffFindings: FindingsModule['diffFindings'];
let findingsOf: FindingsModule['findingsOf'];
let generate: GeneratorModule['generate'];
let RULES: string[];
let tmp: string;
let cliJs: string;

beforeAll(async () => {
  ({ countByRule, diffFindings, findingsOf } = await import('./findings.mjs'));
  ({ generate, RULES } = await import('./generate.mjs'));
  tmp = mkdtempSync(join(tmpdir(), 'cachelint-bench-'));
  // a private copy: another test file may rebuild dist/ while this one runs
  cliJs = await ensureBuilt(() => {
    const copy = join(tmp, 'cli.js');
    copyFileSync(join(REPO, 'dist', 'cli.js'), copy);
    // the parser bundle the CLI requires on first use
    copyFileSync(join(REPO, 'dist', 'facts.js'), join(tmp, 'facts.js'));
    return copy;
  });
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function lint(ws: string, ...extra: string[]): string {
  const r = spawnSync(process.execPath, [cliJs, '.', '--format', 'json', ...extra], { cwd: ws, encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(r.status, r.stderr).toBeLessThanOrEqual(1);
  return r.stdout;
}

describe('the generated workspace', () => {
  let ws: string;
  let expected: Expected;

  beforeAll(() => {
    ws = join(tmp, 'ws');
    expected = generate(ws, { files: 150, seed: 7 });
  });

  it('plants at least one finding of every rule, at recorded lines', () => {
    expect(expected.files).toBe(150);
    for (const rule of RULES) expect(expected.counts[rule], rule).toBeGreaterThanOrEqual(1);
    expect(countByRule(expected.findings, RULES)).toEqual(expected.counts);
    // every recorded line is where the planted code is: a call on that line
    for (const f of expected.findings) {
      const line = readFileSync(join(ws, f.file), 'utf8').split('\n')[f.line - 1];
      expect(line, `${f.rule} ${f.file}:${f.line}`).toMatch(/await .*\(/);
    }
  });

  it('creates the negative-cache records in files that never mention a cache', () => {
    const creates = expected.findings.filter((f) => f.rule === 'negative-cache-on-create');
    for (const f of creates) expect(readFileSync(join(ws, f.file), 'utf8')).not.toMatch(/cache|redis|ttl|expire|invalidat/i);
    // and the key builders live in modules that do not say "cache" either
    expect(readFileSync(join(ws, expected.lsp.keysFile), 'utf8')).not.toMatch(/cache|redis/i);
  });

  it('is reported exactly by the CLI: every planted finding, nothing else', () => {
    const actual = findingsOf(lint(ws), ws);
    expect(diffFindings(expected.findings, actual)).toEqual({ missing: [], extra: [] });
    expect(countByRule(actual, RULES)).toEqual(expected.counts);
  });

  it('is reported exactly again from a warm cache after one file changed', () => {
    const cache = join(tmp, 'cache');
    const args = ['--cache', '--cache-location', cache];
    expect(diffFindings(expected.findings, findingsOf(lint(ws, ...args), ws))).toEqual({ missing: [], extra: [] });
    appendFileSync(join(ws, expected.touchFile), 'export const TOUCHED = 1;\n');
    expect(diffFindings(expected.findings, findingsOf(lint(ws, ...args), ws))).toEqual({ missing: [], extra: [] });
  });

  it('makes the gate fail when a planted finding goes missing', () => {
    // the comparison the benchmark relies on must notice a lost finding and an invented one
    const [first, ...rest] = expected.findings;
    expect(diffFindings(expected.findings, rest).missing).toEqual([`${first.rule} ${first.file}:${first.line}`]);
    expect(diffFindings(rest, expected.findings).extra).toEqual([`${first.rule} ${first.file}:${first.line}`]);
  });
});

describe('the cache-heavy workspace', () => {
  // the profile's indirect shapes (DI, BaseCache, ORM hooks, decorators, a workspace package,
  // paths aliases) at the smallest size it takes: exact findings, no timing
  let ws: string;
  let expected: Expected;

  beforeAll(() => {
    ws = join(tmp, 'heavy');
    expected = generate(ws, { files: 450, seed: 7, profile: 'cache-heavy' });
  });

  it('plants every rule and reaches the cache from a large share of its files', () => {
    expect(expected.profile).toBe('cache-heavy');
    for (const rule of RULES) expect(expected.counts[rule], rule).toBeGreaterThanOrEqual(2);
    expect(expected.cacheFiles / expected.files).toBeGreaterThanOrEqual(0.25);
    expect(JSON.parse(readFileSync(join(ws, 'package.json'), 'utf8')).workspaces).toEqual(['packages/*']);
    expect(JSON.parse(readFileSync(join(ws, 'packages/cache/package.json'), 'utf8')).name).toBe('@acme/cache');
    // plants go through the indirect shapes, not only through direct client calls
    const planted = expected.findings.map((f) => readFileSync(join(ws, f.file), 'utf8').split('\n')[f.line - 1]);
    expect(planted.some((l) => l.includes('this.redisService.'))).toBe(true);
    expect(planted.some((l) => l.includes('@CachePut(') || l.includes('@Cacheable('))).toBe(true);
  });

  it('is reported exactly by the CLI: every planted finding, nothing else', () => {
    const actual = findingsOf(lint(ws), ws);
    expect(diffFindings(expected.findings, actual)).toEqual({ missing: [], extra: [] });
    expect(countByRule(actual, RULES)).toEqual(expected.counts);
  });
});

describe('the generator', () => {
  it('is deterministic for a seed and varies with it', () => {
    const a = generate(join(tmp, 'det-a'), { files: 300, seed: 3 });
    const b = generate(join(tmp, 'det-b'), { files: 300, seed: 3 });
    const c = generate(join(tmp, 'det-c'), { files: 300, seed: 4 });
    expect(b).toEqual(a);
    expect(readFileSync(join(tmp, 'det-b', a.lsp.bigFile), 'utf8')).toBe(readFileSync(join(tmp, 'det-a', a.lsp.bigFile), 'utf8'));
    expect(c.findings).not.toEqual(a.findings);
  });

  it('keeps the default profile as it was when the cache-heavy one is asked for elsewhere', () => {
    const a = generate(join(tmp, 'prof-a'), { files: 300, seed: 3 });
    const h = generate(join(tmp, 'prof-h'), { files: 450, seed: 3, profile: 'cache-heavy' });
    expect(a.profile).toBeUndefined();
    expect(h.cacheFiles / h.files).toBeGreaterThan(a.cacheFiles / a.files);
  });

  it('keeps caching to a realistic share of the files at benchmark scale', () => {
    const e = generate(join(tmp, 'share'), { files: 1200, seed: 1 });
    expect(e.cacheFiles / e.files).toBeGreaterThanOrEqual(0.05);
    expect(e.cacheFiles / e.files).toBeLessThanOrEqual(0.1);
    expect(e.lsp.bigFileLines).toBeGreaterThanOrEqual(950);
  });
});
