// A broken configuration through the built CLI: bad JSON, unknown rules and keys, wrong types,
// values huge or nested beyond what JSON.stringify survives, globs and --config paths outside the
// workspace. The promise: one clear message naming the file and the key, exit 2, no stack trace,
// no report on stdout. And the editor's side of the same loader: defaults plus a recorded error.
import { mkdirSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, FALLBACK_PROJECT_MODULES } from '../src/config';
import { ConfigError, createConfigLoader } from '../src/config-load';
import { buildCli, expectNoCrash, project, runCli, type BuiltCli, type CliRun } from './reliability-fixtures/built-cli';

/** The defaults, as the loader gives them for a file that no tsconfig governs (a temp folder): with the fallback project-module aliases. */
function defaultsOutsideProjects() {
  return { ...defaultConfig(), projectModules: [...FALLBACK_PROJECT_MODULES].sort() };
}

// line 4 reloads user:1 on a miss: the key is a cache, so its write without a TTL is a finding
const SNIPPET = "import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function f(v: string) { await redis.set('user:1', v); }\nexport async function g() { const c = await redis.get('user:1'); return c ?? (await fetch('/users/1')).text(); }\n";


let built: BuiltCli;
beforeAll(async () => {
  built = await buildCli('config');
});
afterAll(() => built?.dispose());

/** The run of a project holding `a.ts` and this config file. */
function withConfig(content: string, name = '.cachelintrc.json', ...args: string[]): { root: string; r: CliRun } {
  const root = project(built.work, { [name]: content, 'a.ts': SNIPPET });
  return { root, r: runCli(built.cli, root, args) };
}

/** Exit 2, nothing on stdout, one line on stderr naming the file (and the key), no crash banner or stack. */
function expectConfigError(r: CliRun, file: string, key: string | undefined, detail: RegExp): void {
  expect(r.signal).toBeNull();
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toContain('Oops');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(`Invalid cachelint config ${file}: ${key === undefined ? '' : `"${key}": `}`);
  expect(r.stderr).toMatch(detail);
  expect(r.stderr.length).toBeLessThan(600);
}

describe('a broken .cachelintrc.json: exit 2 naming the file and the key', () => {
  it.each([
    ['truncated JSON', '{ "rules": { "missing-ttl": "warn" ', undefined, /malformed JSON: .* at 1:\d+/],
    ['a trailing comma', '{\n  "rules": { "missing-ttl": "warn", }\n}', undefined, /malformed JSON: .* at 2:\d+/],
    ['an empty file', '', undefined, /malformed JSON/],
    ['a JavaScript object literal', "module.exports = { rules: {} };", undefined, /malformed JSON/],
    ['a top-level array', '[]', undefined, /expected an object, got an array/],
    ['a top-level null', 'null', undefined, /expected an object, got null/],
    ['an unknown rule id', '{ "rules": { "missing-tll": "warn" } }', 'rules.missing-tll', /unknown rule id \(did you mean 'missing-ttl'\?\)/],
    ['a plugin-style rule id', '{ "rules": { "cachelint/missing-ttl": "warn" } }', 'rules.cachelint/missing-ttl', /unknown rule id/],
    ['a boolean severity', '{ "rules": { "key-drift": true } }', 'rules.key-drift', /expected "off", "warn", "error", 0, 1 or 2, got true/],
    ['rule options', '{ "rules": { "key-drift": ["error", { "x": 1 }] } }', 'rules.key-drift', /rule options are not supported/],
    ['rules as an array', '{ "rules": ["missing-ttl"] }', 'rules', /expected an object, got an array/],
    ['a TTL as a string', '{ "defaultTtlSeconds": "60" }', 'defaultTtlSeconds', /expected a positive integer, got "60"/],
    ['a zero TTL', '{ "defaultTtlSeconds": 0 }', 'defaultTtlSeconds', /expected a positive integer, got 0/],
    ['a fractional TTL', '{ "defaultTtlSeconds": 1.5 }', 'defaultTtlSeconds', /got 1\.5/],
    ['an infinite maxFileSize', '{ "maxFileSize": 1e400 }', 'maxFileSize', /expected a positive integer, got Infinity/],
    ['an unknown cache library', '{ "cacheModules": { "@acme/cache": "memcached" } }', 'cacheModules.@acme/cache', /expected one of 'ioredis'.*got "memcached"/],
    ['wrappers as a string', '{ "wrappers": "LegacyCache" }', 'wrappers', /expected an array of strings, got a string/],
    ['a number among the sentinels', '{ "sentinels": ["<none>", 1] }', 'sentinels[1]', /expected a non-empty string, got 1/],
    ['an empty ignore glob', '{ "ignore": [""] }', 'ignore[0]', /expected a non-empty string, got ""/],
    ['root as a string', '{ "root": "yes" }', 'root', /expected true or false, got "yes"/],
    ['an unknown key', '{ "rule": { "missing-ttl": "off" } }', 'rule', /unknown key \(did you mean 'rules'\?\)/],
    ['an ESLint-style extends', '{ "extends": "./base.js" }', 'extends', /unknown key/],
    ['a __proto__ key', '{ "__proto__": { "rules": {} } }', '__proto__', /unknown key/],
  ])('%s', (_name, content, key, detail) => {
    const { root, r } = withConfig(content);
    expectConfigError(r, join(root, '.cachelintrc.json'), key, detail);
  });

  it('a huge value is cut short in the message', () => {
    const { root, r } = withConfig(JSON.stringify({ wrappers: ['ok', 'x'.repeat(1_000_000).split('')] }));
    expectConfigError(r, join(root, '.cachelintrc.json'), 'wrappers[1]', /expected a non-empty string, got \["x","x",.*\.\.\./);
  });

  it('a value nested 100,000 deep (beyond JSON.stringify) is reported, not a crash', () => {
    const d = 100_000;
    const { root, r } = withConfig(`{ "sentinels": [${'['.repeat(d)}${']'.repeat(d)}] }`);
    expectConfigError(r, join(root, '.cachelintrc.json'), 'sentinels[0]', /expected a non-empty string, got an array/);
  });

  it('a broken config in a sub-folder names that file', () => {
    const root = project(built.work, { 'a.ts': SNIPPET, 'pkg/.cachelintrc.json': '{ "rules": { "set-after-commit": "loud" } }', 'pkg/b.ts': SNIPPET });
    expectConfigError(runCli(built.cli, root, []), join(root, 'pkg/.cachelintrc.json'), 'rules.set-after-commit', /got "loud"/);
  });

  it('a broken config that governs none of the analysed files is not read', () => {
    const root = project(built.work, { 'src/a.ts': SNIPPET, 'other/.cachelintrc.json': '{ broken' });
    const r = runCli(built.cli, root, ['src']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
  });
});

describe('package.json "cachelint"', () => {
  it.each([
    ['a string (a command line, say)', '"node -e \\"require(\'fs\').writeFileSync(\'x\', \'\')\\""', 'cachelint', /expected an object, got a string/],
    ['null', 'null', 'cachelint', /expected an object, got null/],
    ['an unknown rule', '{ "rules": { "ttl": "warn" } }', 'cachelint.rules.ttl', /unknown rule id/],
  ])('%s', (_name, value, key, detail) => {
    const { root, r } = withConfig(`{ "name": "app", "cachelint": ${value} }`, 'package.json');
    expectConfigError(r, join(root, 'package.json'), key, detail);
  });

  it('a malformed package.json is not ours to report: no config, the run goes on', () => {
    const { r } = withConfig('{ "name": "app", ', 'package.json', '-f', 'json');
    expectNoCrash(r);
    expect(JSON.parse(r.stdout)[0].messages[0].ruleId).toBe('missing-ttl');
  });
});

describe('paths outside the workspace', () => {
  it('an ignore glob reaching outside the config folder is an error (it could never match)', () => {
    for (const glob of ['../../**', 'src/../../x/*.ts', '!../keep.ts']) {
      const { root, r } = withConfig(JSON.stringify({ ignore: ['dist/**', glob] }));
      expectConfigError(r, join(root, '.cachelintrc.json'), 'ignore[1]', /reaches outside the folder the patterns are relative to/);
    }
  });

  it('--config to a file that does not exist, or to a folder: exit 2 naming it', () => {
    const root = project(built.work, { 'a.ts': SNIPPET, 'conf/x.json': '{}' });
    // outside the project, and named after it so that no other file can be there
    const absent = `../${basename(root)}.absent.json`;
    for (const [arg, why] of [[absent, 'no such file'], ['conf', 'it is a directory']]) {
      const r = runCli(built.cli, root, ['--config', arg]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`Cannot read config file: ${join(root, arg)} (${why}).\n`);
    }
  });

  it('--config to a file elsewhere works; its ignore globs are relative to the current folder (as ESLint)', () => {
    const shared = project(built.work, { 'cachelint.json': '{ "ignore": ["src/gen/**"], "rules": { "missing-ttl": "error" } }' });
    const root = project(built.work, { 'src/a.ts': SNIPPET, 'src/gen/b.ts': SNIPPET });
    const r = runCli(built.cli, root, ['-c', join(shared, 'cachelint.json'), '-f', 'json']);
    expectNoCrash(r);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath)).toEqual([join(root, 'src/a.ts')]);
  });

  it('a config that is a folder, or a link loop, is no config: defaults, no crash', () => {
    const root = project(built.work, { 'a.ts': SNIPPET, 'sub/b.ts': SNIPPET });
    mkdirSync(join(root, '.cachelintrc.json'));
    symlinkSync('.cachelintrc.json', join(root, 'sub', 'loop'));
    symlinkSync('loop', join(root, 'sub', '.cachelintrc.json'));
    const r = runCli(built.cli, root, ['-f', 'json']);
    expectNoCrash(r);
    expect(JSON.parse(r.stdout).map((x: { messages: { ruleId: string }[] }) => x.messages[0]?.ruleId)).toEqual(['missing-ttl', 'missing-ttl']);
  });
});

describe('the editor side (strict: false)', () => {
  it('records the error once and uses the defaults', () => {
    const root = project(built.work, { '.cachelintrc.json': '{ "rules": { "missing-ttl": "loud" } }', 'a.ts': '', 'b.ts': '' });
    const loader = createConfigLoader({ strict: false });
    expect(loader.configFor(join(root, 'a.ts'))).toEqual(defaultsOutsideProjects());
    expect(loader.configFor(join(root, 'b.ts'))).toEqual(defaultsOutsideProjects());
    expect(loader.errors).toHaveLength(1);
    expect(loader.errors[0]).toBeInstanceOf(ConfigError);
    expect(loader.errors[0]).toMatchObject({ file: join(root, '.cachelintrc.json'), key: 'rules.missing-ttl' });
  });

  it('a deeply nested value is an error too, not an exception', () => {
    const d = 100_000;
    const root = project(built.work, { '.cachelintrc.json': `{ "wrappers": [${'['.repeat(d)}${']'.repeat(d)}] }`, 'a.ts': '' });
    const loader = createConfigLoader({ strict: false });
    expect(loader.configFor(join(root, 'a.ts'))).toEqual(defaultsOutsideProjects());
    expect(loader.errors.map((e) => e.key)).toEqual(['wrappers[0]']);
  });
});
