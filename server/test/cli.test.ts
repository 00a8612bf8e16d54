// The built CLI as a process (STYLE.md "CLI": test exit codes by running it, as ts-prune does).
// The bundle is built once here with the same esbuild options as esbuild.mjs, into a temp folder,
// so this file does not race with other test files over dist/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli';
// registers the fact extractor (the bundle loads it lazily; in-process tests import it)
import '../src/facts/index';
import { createConfigLoader } from '../src/config-load';
import { RACY_MS } from '../src/engine/facts-cache';
import { lintFiles } from '../src/engine/lint-files';
import { Analyzer } from '../src/engine/run';
import type { LintResult } from '../src/report/json';
import { buildCli, project as projectIn, SNIPPET, type BuiltCli } from './reliability-fixtures/built-cli';

const FIXED_SNIPPET_LINE = /await redis\.set\('user:1', v, 'EX', 60\)/;

let work: string;
let cli: string;

let built: BuiltCli | undefined;
beforeAll(async () => {
  built = await buildCli('cli');
  ({ work, cli } = built);
});
afterAll(() => built?.dispose());

/** A project folder in this file's work folder (with .git so config and .gitignore lookups stop there). */
const project = (files: Record<string, string | Buffer>): string => projectIn(work, files);

function run(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.DEBUG;
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function json(cwd: string, ...args: string[]): { code: number; results: LintResult[]; stderr: string } {
  const r = run(cwd, '-f', 'json', ...args);
  return { code: r.code, results: JSON.parse(r.stdout) as LintResult[], stderr: r.stderr };
}

describe('exit codes and output', () => {
  it('exits 0 on a clean project and prints nothing', () => {
    const r = run(project({ 'src/a.ts': 'export const x = 1;\n' }));
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 0 with warnings, 1 when they exceed --max-warnings', () => {
    const root = project({ 'src/a.ts': SNIPPET });
    const r = run(root);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/src\/a\.ts\n\s+3:44\s+warning\s+.*missing-ttl/);
    expect(r.stdout).toContain('✖ 1 problem (0 errors, 1 warning)');
    expect(run(root, '--max-warnings', '1').code).toBe(0);
    const over = run(root, '--max-warnings', '0');
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('cachelint found too many warnings (maximum: 0).');
  });

  it('exits 1 on error-level findings; --quiet shows only errors', () => {
    const root = project({ '.cachelintrc.json': '{ "rules": { "missing-ttl": "error" } }', 'a.ts': SNIPPET });
    expect(run(root).code).toBe(1);
    const warnOnly = project({ 'a.ts': SNIPPET });
    const q = run(warnOnly, '--quiet', '--max-warnings', '0');
    expect(q).toMatchObject({ code: 0, stdout: '' });
  });

  it('--format json is ESLint JSON with the finding on line 3', () => {
    const root = project({ 'src/a.ts': SNIPPET, 'src/clean.ts': 'export {};\n' });
    const { code, results } = json(root);
    expect(code).toBe(0);
    expect(results.map((r) => r.filePath)).toEqual([join(root, 'src/a.ts'), join(root, 'src/clean.ts')]);
    const [a] = results;
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining(['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']),
    );
    expect(a.messages).toHaveLength(1);
    expect(a.messages[0]).toMatchObject({ ruleId: 'missing-ttl', severity: 1, line: 3, endLine: 3 });
    expect(a.messages[0].column).toBe(SNIPPET.split('\n')[2].indexOf('redis.set') + 1);
    expect(a.warningCount).toBe(1);
  });

  it('--format sarif has the required SARIF fields', () => {
    const root = project({ 'src/a.ts': SNIPPET });
    const log = JSON.parse(run(root, '-f', 'sarif').stdout);
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('cachelint');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.rules.map((r: { id: string }) => r.id)).toContain('missing-ttl');
    const res = log.runs[0].results[0];
    expect(res).toMatchObject({ ruleId: 'missing-ttl', level: 'warning' });
    expect(driver.rules[res.ruleIndex].id).toBe('missing-ttl');
    expect(res.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'src/a.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 3 } });
    expect(res.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
  });

  it('--format github prints annotation lines', () => {
    const r = run(project({ 'src/a.ts': SNIPPET }), '--format', 'github');
    expect(r.stdout).toMatch(/^::warning file=src\/a\.ts,line=3,col=\d+,endLine=3,endColumn=\d+,title=cachelint \(missing-ttl\)::.+$/m);
    expect(r.stdout).toContain('cachelint: 1 problem (0 errors, 1 warning)');
  });

  it('-o writes the report to a file (creating folders), stdout stays empty', () => {
    const root = project({ 'a.ts': SNIPPET });
    const r = run(root, '-f', 'json', '-o', 'reports/out.json');
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(root, 'reports/out.json'), 'utf8'))[0].messages[0].ruleId).toBe('missing-ttl');
  });
});

describe('selection and configuration', () => {
  it('--rule runs only the named rules', () => {
    const root = project({ 'a.ts': SNIPPET });
    expect(json(root, '--rule', 'key-drift').results[0].messages).toEqual([]);
    expect(json(root, '--rule', 'missing-ttl').results[0].messages[0].ruleId).toBe('missing-ttl');
    const sev = run(root, '--rule', 'missing-ttl:error');
    expect(sev.code).toBe(1);
  });

  it('an unknown flag exits 2 with a message', () => {
    const flag = run(project({ 'a.ts': SNIPPET }), '--fixx');
    expect(flag).toMatchObject({ code: 2, stdout: '' });
    expect(flag.stderr).toContain("Invalid option '--fixx' (did you mean '--fix'?)");
  });

  it('a bad config exits 2 naming the file and the key, without a stack', () => {
    const root = project({ '.cachelintrc.json': '{ "rules": { "missing-ttl": "warning" } }', 'a.ts': SNIPPET });
    const r = run(root);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(join(root, '.cachelintrc.json'));
    expect(r.stderr).toContain('"rules.missing-ttl"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--config uses the given file; a missing one exits 2', () => {
    const root = project({ 'custom.json': '{ "rules": { "missing-ttl": "error" } }', 'a.ts': SNIPPET });
    expect(run(root, '-c', 'custom.json').code).toBe(1);
    expect(run(root, '--config', 'nope.json').code).toBe(2);
  });

  it('a path matching no file exits 2, as ESLint does', () => {
    const r = run(project({ 'a.ts': SNIPPET }), 'missing-dir');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No files matching the pattern "missing-dir" were found.');
  });

  it('skips .gitignored files, config `ignore` globs, big and binary files (with notices)', () => {
    const root = project({
      '.gitignore': 'gen/\n',
      '.cachelintrc.json': '{ "ignore": ["legacy/**"], "maxFileSize": 400 }',
      'gen/a.ts': SNIPPET,
      'legacy/b.ts': SNIPPET,
      'big.ts': `${SNIPPET}${'// padding\n'.repeat(50)}`,
      'bin.ts': Buffer.from([0x63, 0x00, 0x64]),
      'ok.ts': SNIPPET,
    });
    const { results, stderr } = json(root);
    expect(results.map((r) => r.filePath)).toEqual([join(root, 'ok.ts')]);
    expect(stderr).toContain(`larger than maxFileSize (${SNIPPET.length + 550} > 400 bytes): ${join(root, 'big.ts')}`);
    expect(stderr).toContain(`looks binary (it contains NUL bytes): ${join(root, 'bin.ts')}`);
  });

  it('a parse error is a fatal message with ruleId null; other files are still analysed', () => {
    const root = project({ 'a.ts': SNIPPET, 'broken.ts': 'import Redis from "ioredis";\nexport const x = ;\n' });
    const { code, results } = json(root);
    expect(code).toBe(1);
    const broken = results.find((r) => r.filePath.endsWith('broken.ts'))!;
    expect(broken.messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true, severity: 2, line: 2 })]);
    expect(broken.messages[0].message).toMatch(/^Parsing error: /);
    expect(results.find((r) => r.filePath.endsWith('a.ts'))!.messages[0].ruleId).toBe('missing-ttl');
  });

  it('parses only files that can hold cache code, unless --parse-all', () => {
    const root = project({ 'a.ts': SNIPPET, 'plain.ts': 'export const x = ;\n' });
    expect(json(root).results.find((r) => r.filePath.endsWith('plain.ts'))!.messages).toEqual([]);
    const all = json(root, '--parse-all');
    expect(all.code).toBe(1);
    expect(all.results.find((r) => r.filePath.endsWith('plain.ts'))!.messages[0]).toEqual(expect.objectContaining({ ruleId: null, fatal: true }));
  });

  it('honours cachelint-disable comments and reports unused ones', () => {
    const suppressed = SNIPPET.replace('export async', '// cachelint-disable-next-line missing-ttl -- fine here\nexport async');
    const unused = `// cachelint-disable-next-line key-drift\n${SNIPPET}`;
    const root = project({ 'a.ts': suppressed, 'b.ts': unused });
    const { results } = json(root);
    expect(results[0].messages).toEqual([]);
    const msgs = results[1].messages.map((m) => [m.ruleId, m.line, m.message]);
    expect(msgs).toContainEqual([null, 1, "Unused cachelint-disable directive (no problems were reported from 'key-drift')."]);
    expect(msgs).toContainEqual(['missing-ttl', 4, expect.any(String)]);
  });
});

describe('--fix', () => {
  const config = '{ "defaultTtlSeconds": 60 }';

  it('writes the safe fixes; a second --fix changes nothing', () => {
    const root = project({ '.cachelintrc.json': config, 'a.ts': SNIPPET });
    const file = join(root, 'a.ts');
    const first = run(root, '--fix');
    expect(first.code).toBe(0);
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toMatch(FIXED_SNIPPET_LINE);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const mtime = statSync(file).mtimeMs;
    const second = run(root, '--fix');
    expect(second).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(file, 'utf8')).toBe(fixed);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('keeps CRLF line endings and the BOM', () => {
    const crlf = `\uFEFF${SNIPPET.replace(/\n/g, '\r\n')}`;
    const root = project({ '.cachelintrc.json': config, 'a.ts': crlf });
    run(root, '--fix');
    const out = readFileSync(join(root, 'a.ts'));
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = out.toString('utf8');
    expect(text).toMatch(FIXED_SNIPPET_LINE);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('removes unused directives', () => {
    const root = project({ 'a.ts': `export const x = 1; // cachelint-disable-line missing-ttl\n` });
    run(root, '--fix');
    expect(readFileSync(join(root, 'a.ts'), 'utf8')).toBe('export const x = 1;\n');
  });

  it('--fix-dry-run reports the output as JSON and writes nothing', () => {
    const root = project({ '.cachelintrc.json': config, 'a.ts': SNIPPET });
    const r = run(root, '--fix-dry-run');
    expect(r.code).toBe(0);
    const [res] = JSON.parse(r.stdout) as LintResult[];
    expect(res.output).toMatch(FIXED_SNIPPET_LINE);
    expect(res.messages).toEqual([]);
    expect(readFileSync(join(root, 'a.ts'), 'utf8')).toBe(SNIPPET);
  });
});

/** The cache file: a header line (with the last run's results), then the facts line. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function readCache(file: string): { header: any; entries: any } {
  const [header, entries] = readFileSync(file, 'utf8').split('\n');
  return { header: JSON.parse(header), entries: JSON.parse(entries) };
}

function writeCache(file: string, data: { header: unknown; entries: unknown }): void {
  writeFileSync(file, `${JSON.stringify(data.header)}\n${JSON.stringify(data.entries)}`);
}

describe('--cache', () => {
  it('stores facts under node_modules/.cache/cachelint and reuses them for unchanged files', () => {
    const root = project({ 'a.ts': SNIPPET });
    expect(json(root, '--cache').results[0].messages).toHaveLength(1);
    const cacheFile = join(root, 'node_modules/.cache/cachelint/facts.json');
    expect(existsSync(cacheFile)).toBe(true);
    // Prove the second run reads the cache: cached facts without calls report nothing (the stored
    // results of the whole run, which would be reused as they are, dropped)
    const data = readCache(cacheFile);
    data.entries[join(root, 'a.ts')].facts.calls = [];
    delete data.header.run;
    writeCache(cacheFile, data);
    expect(json(root, '--cache').results[0].messages).toEqual([]);
    // A changed file is analysed again.
    writeFileSync(join(root, 'a.ts'), `${SNIPPET}\n`);
    expect(json(root, '--cache').results[0].messages).toHaveLength(1);
  });

  it("reuses the last run's results until anything they depend on changes", () => {
    const root = project({ 'a.ts': SNIPPET, 'b.ts': 'export const b = 1;\n', 'package.json': '{ "dependencies": { "ioredis": "^5.0.0" } }' });
    const cacheFile = join(root, 'node_modules/.cache/cachelint/facts.json');
    const real = json(root, '--cache').results[0].messages;
    expect(real).toHaveLength(1);
    // a marked copy of the stored results tells a reused run from a recomputed one
    const mark = () => {
      const data = readCache(cacheFile);
      data.header.run.files[join(root, 'a.ts')].findings[0].message = 'stored';
      writeCache(cacheFile, data);
    };
    const message = (...args: string[]) => json(root, '--cache', ...args).results[0].messages[0]?.message;
    mark();
    expect(message()).toBe('stored');
    // another file's text
    writeFileSync(join(root, 'b.ts'), 'export const b = 2;\n');
    expect(message()).toBe(real[0].message);
    mark();
    // the config
    writeFileSync(join(root, '.cachelintrc.json'), '{ "rules": { "missing-ttl": "error" } }');
    expect(message()).toBe(real[0].message);
    mark();
    // installed packages (cache-manager's major version decides a fix's units)
    writeFileSync(join(root, 'package.json'), '{ "dependencies": { "ioredis": "^5.0.0", "cache-manager": "^4.0.0" } }');
    expect(message()).toBe(real[0].message);
    mark();
    // the rules asked for, and --parse-all
    expect(message('--rule', 'missing-ttl')).toBe(real[0].message);
    mark();
    expect(message('--parse-all')).toBe(real[0].message);
    // --fix never takes stored results: it must see the findings to fix them
    mark();
    expect(json(root, '--cache', '--fix-dry-run').results[0].messages[0].message).toBe(real[0].message);
  });

  it('takes unchanged files on the word of their stat, never a file that changed (same size)', () => {
    const root = project({ 'a.ts': SNIPPET, 'b.ts': 'export const b = 1;\n' });
    const cacheFile = join(root, 'node_modules/.cache/cachelint/facts.json');
    // a file changed within RACY_MS before its stat is not vouched for: wait that out
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RACY_MS + 100);
    const real = json(root, '--cache').results[0].messages;
    expect(real).toHaveLength(1);
    const disk = () => readCache(cacheFile).header.disk as Record<string, [number, number, number, number, string, number]>;
    const b = join(root, 'b.ts');
    expect(disk()[b][0]).toBe('export const b = 1;\n'.length);
    const mark = () => {
      const data = readCache(cacheFile);
      data.header.run.files[join(root, 'a.ts')].findings[0].message = 'stored';
      writeCache(cacheFile, data);
    };
    mark();
    expect(json(root, '--cache').results[0].messages[0].message).toBe('stored');
    // same size, new content: its times changed, so it is read, and the run is judged again
    writeFileSync(b, 'export const b = 2;\n');
    mark();
    expect(json(root, '--cache').results[0].messages[0].message).toBe(real[0].message);
    // that run stat'ed b.ts right after the change: its record cannot vouch for the file yet
    const [, mtime, ctime, , , since] = disk()[b];
    expect(Math.max(mtime, ctime)).toBeGreaterThanOrEqual(since - RACY_MS);
  });

  it('a damaged cache is ignored, never trusted', () => {
    const root = project({ 'a.ts': SNIPPET });
    const cacheFile = join(root, 'node_modules/.cache/cachelint/facts.json');
    const real = json(root, '--cache').results[0].messages;
    expect(real).toHaveLength(1);
    const { header } = readCache(cacheFile);
    delete header.run;
    for (const damaged of ['garbage', `${JSON.stringify(header)}\n{"broken`, `${JSON.stringify(header)}\n[1, 2]`, '']) {
      writeFileSync(cacheFile, damaged);
      expect(json(root, '--cache').results[0].messages).toEqual(real);
    }
  });

  it('--cache-location takes a folder or a file', () => {
    const root = project({ 'a.ts': SNIPPET });
    run(root, '--cache', '--cache-location', 'tmp-cache/');
    expect(existsSync(join(root, 'tmp-cache/facts.json'))).toBe(true);
    run(root, '--cache', '--cache-location', 'my.cache');
    expect(readCache(join(root, 'my.cache')).entries).toHaveProperty([join(root, 'a.ts')]);
  });
});

describe('misc', () => {
  it('--timing prints a per-rule table on stderr and keeps stdout parseable', () => {
    const r = run(project({ 'a.ts': SNIPPET }), '--timing', '-f', 'json');
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toMatch(/^Rule\s+\| Time \(ms\) \| Relative$/m);
    expect(r.stderr).toMatch(/^missing-ttl\s+\|\s+\d+\.\d{3} \|\s+\d+\.\d%$/m);
  });
});

/** runCli in this process: for checks that need no separate process (faster). */
function inProcess(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {} });
  return { code, stdout, stderr };
}

describe('in process', () => {
  it('--help and --version exit 0', () => {
    const h = inProcess(work, '--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--max-warnings');
    const v = inProcess(work, '--version');
    expect(v).toMatchObject({ code: 0, stdout: `v${JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version}\n` });
  });

  it.each([
    [['--rule', 'missing-tl'], "Unknown rule 'missing-tl' (did you mean 'missing-ttl'?)"],
    [['-f', 'checkstyle'], 'The cachelint format "checkstyle" was not found'],
    [['--max-warnings', 'lots'], "Invalid value for option 'max-warnings'"],
    [['--max-warnings=-2'], "Invalid value for option 'max-warnings'"],
    [['--fix', '--fix-dry-run'], 'cannot be used together'],
    [['--rule', 'missing-ttl:loud'], "Invalid severity in --rule 'missing-ttl:loud'"],
    [['-f'], "argument missing"],
    [['--cache-location', ''], '--cache-location needs a path'],
    [['--cache', '--cache-strategy', 'mtime'], "Invalid value for option 'cache-strategy' - expected \"metadata\" or \"content\", received value: mtime."],
  ])('%j exits 2: %s', (args, message) => {
    const r = inProcess(work, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('--color forces ANSI colours, the default (not a TTY) has none', () => {
    const root = project({ 'a.ts': SNIPPET });
    expect(inProcess(root, '--color').stdout).toContain('\u001b[');
    expect(inProcess(root).stdout).not.toContain('\u001b[');
    expect(inProcess(root, '--color', '--no-color').stdout).not.toContain('\u001b[');
  });

  it('an internal error exits 2 with a short message; the stack only with DEBUG=cachelint', () => {
    const root = project({ 'a.ts': SNIPPET });
    // an output path under a file cannot be created: not a usage error, an internal one
    writeFileSync(join(root, 'blocker'), '');
    const plain = inProcess(root, '-o', 'blocker/out.txt');
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('Oops! Something went wrong!');
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    let stderr = '';
    const code = runCli(['-o', 'blocker/out.txt'], { cwd: root, stdout: () => {}, stderr: (s) => (stderr += s), isTTY: false, env: { DEBUG: 'cachelint' } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/\n\s+at /);
  });

  it('--fix --quiet applies only the fixes of error-level findings (ESLint 9)', () => {
    const root = project({ '.cachelintrc.json': '{ "defaultTtlSeconds": 60 }', 'a.ts': SNIPPET });
    expect(inProcess(root, '--fix', '--quiet').code).toBe(0);
    expect(readFileSync(join(root, 'a.ts'), 'utf8')).toBe(SNIPPET);
    inProcess(root, '--fix', '--quiet', '--rule', 'missing-ttl:error');
    expect(readFileSync(join(root, 'a.ts'), 'utf8')).toMatch(FIXED_SNIPPET_LINE);
  });

  it('github paths are relative to GITHUB_WORKSPACE when the cwd is inside it', () => {
    const root = project({ 'svc/a.ts': SNIPPET });
    let stdout = '';
    const io = { cwd: join(root, 'svc'), stdout: (x: string) => (stdout += x), stderr: () => {}, isTTY: false };
    runCli(['-f', 'github'], { ...io, env: { GITHUB_WORKSPACE: root } });
    expect(stdout).toMatch(/^::warning file=svc\/a\.ts,line=3,/m);
    stdout = '';
    runCli(['-f', 'github'], { ...io, env: { GITHUB_WORKSPACE: join(work, 'elsewhere') } });
    expect(stdout).toMatch(/^::warning file=a\.ts,line=3,/m);
  });

  it('the fact cache drops entries of deleted files', () => {
    const root = project({ 'a/x.ts': SNIPPET, 'b/y.ts': SNIPPET });
    const cacheFile = join(root, 'node_modules/.cache/cachelint/facts.json');
    const entries = () => Object.keys(readCache(cacheFile).entries).map((f) => f.slice(root.length + 1));
    expect(inProcess(root, '--cache').code).toBe(0);
    expect(entries()).toEqual(['a/x.ts', 'b/y.ts']);
    rmSync(join(root, 'b'), { recursive: true });
    inProcess(root, '--cache');
    expect(entries()).toEqual(['a/x.ts']);
  });

  it('--cache reads only the files the stored report quotes when the rest are vouched for', () => {
    // b.ts is a folder: reading it fails with a notice, so a run that reads it says so
    const root = project({ 'a.ts': SNIPPET, 'b.ts/keep': '' });
    const loader = createConfigLoader({ strict: true });
    const a = join(root, 'a.ts');
    const b = join(root, 'b.ts');
    const asked: string[] = [];
    const store = {
      knownHash: (file: string) => (asked.push(file), file === b ? 'hash-of-b' : undefined),
      rememberHash: () => {},
      getRun: () => ({ [a]: { findings: [], parseErrors: [{ start: 0, message: 'stored' }] } }),
      setRun: () => {},
    };
    const analyzer = new Analyzer({ configFor: (f) => loader.configFor(f) });
    const out = lintFiles([a, b], { analyzer, loader, runs: { store, dependsOn: () => '' } });
    expect(asked).toEqual([a, b]);
    expect(out.notices).toEqual([]);
    expect(out.results.map((r) => [r.file, r.text, r.parseErrors?.[0]?.message])).toEqual([
      [a, SNIPPET, 'stored'],
      [b, '', undefined],
    ]);
    // --cache-strategy content: the stat's word is not taken, every file is read
    asked.length = 0;
    const content = lintFiles([a, b], { analyzer: new Analyzer({ configFor: (f) => loader.configFor(f) }), loader, runs: { store, dependsOn: () => '', strategy: 'content' } });
    expect(asked).toEqual([]);
    expect(content.notices).toEqual([expect.stringMatching(/^File ignored because it cannot be read \(EISDIR\): .*b\.ts$/)]);
  });

  it('a file that vanished after listing is skipped with a notice', () => {
    const root = project({ 'a.ts': SNIPPET });
    const loader = createConfigLoader({ strict: true });
    const analyzer = new Analyzer({ configFor: (f) => loader.configFor(f) });
    const out = lintFiles([join(root, 'gone.ts'), join(root, 'a.ts')], { analyzer, loader });
    expect(out.results.map((r) => r.file)).toEqual([join(root, 'a.ts')]);
    expect(out.notices).toEqual([`File ignored because it cannot be read (ENOENT): ${join(root, 'gone.ts')}`]);
  });

  it('--fix does not write a file that changed on disk during the run', () => {
    const root = project({ 'a.ts': SNIPPET });
    const file = join(root, 'a.ts');
    const loader = createConfigLoader({ strict: true });
    const real = new Analyzer({ configFor: (f) => loader.configFor(f) });
    // An analyzer whose every finding has a safe fix, and which edits the file on disk mid-run.
    const analyzer = Object.create(real) as Analyzer;
    analyzer.run = (files) => {
      writeFileSync(file, `${SNIPPET}// edited meanwhile\n`);
      const results = real.run(files);
      for (const r of results.values())
        for (const f of r.findings) f.fix = { title: 't', kind: 'safe', edits: [{ start: 0, end: 0, text: '// x\n' }] };
      return results;
    };
    const out = lintFiles([file], { analyzer, loader, fix: 'write' });
    expect(out.written).toEqual([]);
    expect(out.notices).toEqual([`Fixes not written to ${file}: the file changed on disk while cachelint ran.`]);
    expect(readFileSync(file, 'utf8')).toBe(`${SNIPPET}// edited meanwhile\n`);
    expect(out.results[0].output).toMatch(/^\/\/ x\n/);
  });
});
