// The baseline through the built CLI as a process: --write-baseline, later runs, --prune-baseline,
// --baseline-file, and the formats (ESLint `suppressedMessages`, SARIF `suppressions`).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, parseJson, project as projectIn, runCli, SNIPPET, type BuiltCli } from './reliability-fixtures/built-cli';

let built: BuiltCli;
beforeAll(async () => {
  built = await buildCli('cli-baseline');
});
afterAll(() => built?.dispose());

const project = (files: Record<string, string>) => projectIn(built.work, files);
const run = (cwd: string, ...args: string[]) => runCli(built.cli, cwd, args);
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;

/** Two missing-ttl writes in one file. */
// each key is read back with a reload on a miss: each is a cache, so each write without a TTL is a finding
const TWO = `${SNIPPET}export async function g(v: string) { await redis.set('user:2', v); }\nexport const read2 = async () => (await redis.get('user:2')) ?? (await fetch('/user:2')).text();\n`;
const THREE = `${TWO}export async function h(v: string) { await redis.set('user:3', v); }\nexport const read3 = async () => (await redis.get('user:3')) ?? (await fetch('/user:3')).text();\n`;

describe('--write-baseline', () => {
  it('records per-file, per-rule counts next to the package root, and later runs hide them', () => {
    const repo = project({ 'api/package.json': '{"name":"api"}', 'api/src/a.ts': TWO, 'api/src/b.ts': SNIPPET, 'api/src/clean.ts': 'export {};\n' });
    const api = join(repo, 'api');
    const w = run(join(api, 'src'), '--write-baseline');
    expect(w.code).toBe(0);
    expect(w.stdout).toContain('3 findings in the baseline not shown');
    expect(w.stderr).toContain(`Wrote 3 baselined findings to ${join(api, 'cachelint-baseline.json')}`);
    expect(readJson(join(api, 'cachelint-baseline.json'))).toEqual({
      'src/a.ts': { 'missing-ttl': { count: 2 } },
      'src/b.ts': { 'missing-ttl': { count: 1 } },
    });

    // from the package root, from the repository root and from below, the same file applies
    for (const cwd of [api, repo, join(api, 'src')]) {
      const r = run(cwd, '--max-warnings', '0');
      expect(r, cwd).toMatchObject({ code: 0 });
      expect(r.stdout).not.toContain('warning');
      expect(r.stdout).toMatch(/3 findings in the baseline not shown/);
    }
  });

  it('reports every finding of a rule in a file once its count is exceeded, and new files as usual', () => {
    const root = project({ 'package.json': '{}', 'a.ts': TWO });
    expect(run(root, '--write-baseline').code).toBe(0);
    writeFileSync(join(root, 'a.ts'), THREE);
    writeFileSync(join(root, 'b.ts'), SNIPPET);
    const r = parseJson(run(root, '-f', 'json'));
    const a = r.find((x) => x.filePath.endsWith('a.ts'))!;
    expect(a.messages.map((m) => m.line)).toEqual([3, 5, 7]);
    expect(a.suppressedMessages).toEqual([]);
    expect(r.find((x) => x.filePath.endsWith('b.ts'))!.messages).toHaveLength(1);
    expect(run(root, '--max-warnings', '0').code).toBe(1);
  });

  it('never fails a run on baselined errors; json and sarif carry them as suppressed', () => {
    const root = project({ '.cachelintrc.json': '{ "rules": { "missing-ttl": "error" } }', 'a.ts': SNIPPET });
    expect(run(root).code).toBe(1);
    expect(run(root, '--write-baseline').code).toBe(0);
    expect(run(root).code).toBe(0);
    const [a] = parseJson(run(root, '-f', 'json'));
    expect(a).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
    expect(a.suppressedMessages).toEqual([expect.objectContaining({ ruleId: 'missing-ttl', line: 3, severity: 2, suppressions: [{ kind: 'file', justification: '' }] })]);
    const sarif = JSON.parse(run(root, '-f', 'sarif').stdout) as { runs: { results: { ruleId: string; suppressions?: { kind: string }[] }[] }[] };
    expect(sarif.runs[0].results).toEqual([expect.objectContaining({ ruleId: 'missing-ttl', suppressions: [expect.objectContaining({ kind: 'external', status: 'accepted' })] })]);
    expect(run(root, '-f', 'github').stdout).toBe('cachelint: 0 problems; 1 more in the baseline\n');
  });

  it('with --rule, records that rule and keeps the entries of the others', () => {
    const root = project({ 'package.json': '{}', 'a.ts': SNIPPET });
    writeFileSync(join(root, 'cachelint-baseline.json'), JSON.stringify({ 'a.ts': { 'key-drift': { count: 1 } } }));
    expect(run(root, '--rule', 'missing-ttl', '--write-baseline').code).toBe(0);
    expect(readJson(join(root, 'cachelint-baseline.json'))).toEqual({ 'a.ts': { 'key-drift': { count: 1 }, 'missing-ttl': { count: 1 } } });
  });

  it('writes nothing where there is nothing to record', () => {
    const root = project({ 'package.json': '{}', 'a.ts': 'export {};\n' });
    expect(run(root, '--write-baseline')).toMatchObject({ code: 0, stdout: '' });
    expect(existsSync(join(root, 'cachelint-baseline.json'))).toBe(false);
  });
});

describe('stale entries and --prune-baseline', () => {
  it('fails with exit 2 when a baselined finding is gone, until the baseline is pruned', () => {
    const root = project({ 'package.json': '{}', 'a.ts': TWO, 'gone.ts': SNIPPET });
    expect(run(root, '--write-baseline').code).toBe(0);
    writeFileSync(join(root, 'a.ts'), SNIPPET);
    rmSync(join(root, 'gone.ts'));
    const stale = run(root);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toContain('a.ts: missing-ttl ×1');
    expect(stale.stderr).toContain('--prune-baseline');
    const pruned = run(root, '--prune-baseline');
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toContain('Pruned 2 baselined findings');
    // the count went down to what is left, and the deleted file's entry went away
    expect(readJson(join(root, 'cachelint-baseline.json'))).toEqual({ 'a.ts': { 'missing-ttl': { count: 1 } } });
    expect(run(root)).toMatchObject({ code: 0 });
    // a new finding can no longer hide behind the old count
    writeFileSync(join(root, 'a.ts'), TWO);
    expect(parseJson(run(root, '-f', 'json'))[0].messages).toHaveLength(2);
  });

  it('judges only the files of a partial run (lint-staged)', () => {
    const root = project({ 'package.json': '{}', 'a.ts': SNIPPET, 'b.ts': SNIPPET });
    expect(run(root, '--write-baseline').code).toBe(0);
    writeFileSync(join(root, 'b.ts'), 'export {};\n');
    expect(run(root, 'a.ts').code).toBe(0);
    expect(run(root, 'b.ts').code).toBe(2);
  });
});

describe('--baseline-file', () => {
  it('writes and reads the named file instead of the nearest one', () => {
    const root = project({ 'package.json': '{}', 'a.ts': SNIPPET });
    expect(run(root, '--baseline-file', 'ci/legacy.json', '--write-baseline').code).toBe(0);
    expect(readJson(join(root, 'ci/legacy.json'))).toEqual({ '../a.ts': { 'missing-ttl': { count: 1 } } });
    expect(existsSync(join(root, 'cachelint-baseline.json'))).toBe(false);
    expect(run(root, '--baseline-file', 'ci/legacy.json', '--max-warnings', '0').code).toBe(0);
    expect(run(root, '--max-warnings', '0').code).toBe(1);
  });

  it('is a usage error when the file is missing, and a malformed baseline is named', () => {
    const root = project({ 'package.json': '{}', 'a.ts': SNIPPET });
    const missing = run(root, '--baseline-file', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist. Run cachelint with --write-baseline to create it.');
    writeFileSync(join(root, 'cachelint-baseline.json'), '{ "a.ts": 3 }');
    const bad = run(root);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(`Invalid cachelint baseline ${join(root, 'cachelint-baseline.json')}: "a.ts": expected an object of rules`);
  });
});
