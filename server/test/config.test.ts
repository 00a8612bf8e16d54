import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig, FALLBACK_PROJECT_MODULES } from '../src/config';
import { ConfigError, createConfigLoader, stripJsonComments } from '../src/config-load';
import { RULE_IDS } from '../src/rule';

/** The defaults, as the loader gives them for a file that no tsconfig governs (a temp folder): with the fallback project-module aliases. */
function defaultsOutsideProjects() {
  return { ...defaultConfig(), projectModules: [...FALLBACK_PROJECT_MODULES].sort() };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'cachelint-config-'));
  dirs.push(root);
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

/** The ConfigError thrown for a config holding `content` (strict loader). */
function errorFor(content: string | object, name = '.cachelintrc.json'): ConfigError {
  const root = tree({ [name]: content, 'src/a.ts': '' });
  const loader = createConfigLoader({ strict: true });
  try {
    loader.configFor(join(root, 'src/a.ts'));
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const err = e as ConfigError;
    expect(err.file).toBe(join(root, name));
    expect(err.message).toContain(join(root, name));
    if (err.key) expect(err.message).toContain(`"${err.key}"`);
    return err;
  }
  throw new Error('expected a ConfigError');
}

describe('config discovery', () => {
  it('uses defaults when there is no config', () => {
    const root = tree({ '.git/HEAD': '', 'a.ts': '' });
    expect(createConfigLoader({ strict: true }).configFor(join(root, 'a.ts'))).toEqual(defaultsOutsideProjects());
  });

  it('finds the nearest .cachelintrc.json, then package.json "cachelint"; the nearest wins', () => {
    const root = tree({
      '.git/HEAD': '',
      '.cachelintrc.json': { rules: { 'missing-ttl': 'error' }, defaultTtlSeconds: 60 },
      'pkg/package.json': { name: 'pkg', cachelint: { rules: { 'key-drift': 'off' } } },
      'pkg/src/a.ts': '',
      'other/src/b.ts': '',
      'plain/package.json': { name: 'plain' },
      'plain/c.ts': '',
    });
    const loader = createConfigLoader({ strict: true });
    const a = loader.configFor(join(root, 'pkg/src/a.ts'));
    expect(a.rules['key-drift']).toBe('off');
    expect(a.rules['missing-ttl']).toBe('warn'); // not merged with the outer file
    expect(a.configFile).toBe(join(root, 'pkg/package.json'));
    const b = loader.configFor(join(root, 'other/src/b.ts'));
    expect(b.rules['missing-ttl']).toBe('error');
    expect(b.defaultTtlSeconds).toBe(60);
    // a package.json without the key does not stop the search
    expect(loader.configFor(join(root, 'plain/c.ts')).rules['missing-ttl']).toBe('error');
  });

  it('prefers .cachelintrc.json over package.json in the same folder', () => {
    const root = tree({ '.cachelintrc.json': { wrappers: ['A'] }, 'package.json': { cachelint: { wrappers: ['B'] } }, 'a.ts': '' });
    expect(createConfigLoader().configFor(join(root, 'a.ts')).wrappers).toEqual(['A']);
  });

  it('stops at a folder holding .git', () => {
    const root = tree({ '.cachelintrc.json': { rules: { 'missing-ttl': 'off' } }, 'repo/.git/HEAD': '', 'repo/a.ts': '' });
    expect(createConfigLoader({ strict: true }).configFor(join(root, 'repo/a.ts')).rules['missing-ttl']).toBe('warn');
  });

  it('never reads JavaScript configs', () => {
    const root = tree({ '.cachelintrc.js': 'throw new Error("executed")', 'cachelint.config.ts': 'x', 'a.ts': '' });
    expect(createConfigLoader({ strict: true }).configFor(join(root, 'a.ts'))).toEqual(defaultsOutsideProjects());
  });

  it('--config replaces the search', () => {
    const root = tree({
      '.cachelintrc.json': { rules: { 'missing-ttl': 'error' } },
      'custom.json': { rules: { 'missing-ttl': 'off' }, sentinels: ['NONE'] },
      'a.ts': '',
    });
    const c = createConfigLoader({ strict: true, configFile: join(root, 'custom.json') }).configFor(join(root, 'a.ts'));
    expect(c.rules['missing-ttl']).toBe('off');
    expect(c.sentinels).toEqual(['NONE']);
  });

  it('onlyRules turns the other rules off and the chosen ones on; rulesOverride sets severities', () => {
    const root = tree({ '.cachelintrc.json': { rules: { 'missing-ttl': 'off' } }, 'a.ts': '' });
    const c = createConfigLoader({ onlyRules: ['missing-ttl'], rulesOverride: { 'missing-ttl': 'error' } }).configFor(join(root, 'a.ts'));
    expect(c.rules).toEqual(Object.fromEntries(RULE_IDS.map((id) => [id, id === 'missing-ttl' ? 'error' : 'off'])));
    const d = createConfigLoader({ onlyRules: ['key-drift'] }).configFor(join(root, 'a.ts'));
    expect(d.rules['key-drift']).toBe('warn');
    expect(d.rules['missing-ttl']).toBe('off');
  });

  it('accepts every documented key, numeric severities, comments and a BOM', () => {
    const root = tree({
      '.cachelintrc.json':
        '\uFEFF{\n  // comment\n  "$schema": "x", "root": true,\n  "rules": { "missing-ttl": 2, "key-drift": 0, "set-after-commit": ["error"] },\n' +
        '  "defaultTtlSeconds": 300, "cacheModules": { "@acme/cache": "ioredis" }, /* block */\n' +
        '  "wrappers": ["AppCache"], "sentinels": ["__none__"], "ignore": ["generated/**"], "maxFileSize": 2000\n}',
      'a.ts': '',
    });
    const c = createConfigLoader({ strict: true }).configFor(join(root, 'a.ts'));
    expect(c).toMatchObject({
      rules: { 'missing-ttl': 'error', 'key-drift': 'off', 'set-after-commit': 'error', 'negative-cache-on-create': 'warn' },
      defaultTtlSeconds: 300,
      cacheModules: { '@acme/cache': 'ioredis' },
      wrappers: ['AppCache'],
      sentinels: ['__none__'],
      ignore: ['generated/**'],
      maxFileSize: 2000,
    });
  });

  it('keeps comment-like text inside JSON strings', () => {
    expect(JSON.parse(stripJsonComments('{"a": "http://x/*y*/" // c\n}'))).toEqual({ a: 'http://x/*y*/' });
  });
});

describe('config validation names the file and the key', () => {
  it.each([
    [{ rule: {} }, 'rule', /unknown key \(did you mean 'rules'\?\)/],
    [{ rules: { 'missing-tt': 'warn' } }, 'rules.missing-tt', /unknown rule id \(did you mean 'missing-ttl'\?\)/],
    [{ rules: { 'missing-ttl': 'warning' } }, 'rules.missing-ttl', /expected "off", "warn", "error", 0, 1 or 2, got "warning"/],
    [{ rules: { 'missing-ttl': ['warn', { x: 1 }] } }, 'rules.missing-ttl', /options are not supported/],
    [{ rules: [] }, 'rules', /expected an object, got an array/],
    [{ defaultTtlSeconds: 0 }, 'defaultTtlSeconds', /positive integer, got 0/],
    [{ defaultTtlSeconds: '60' }, 'defaultTtlSeconds', /positive integer, got "60"/],
    [{ maxFileSize: 1.5 }, 'maxFileSize', /positive integer/],
    [{ cacheModules: { '@acme/cache': 'redis' } }, 'cacheModules.@acme/cache', /expected one of 'ioredis'/],
    [{ cacheModules: ['ioredis'] }, 'cacheModules', /expected an object/],
    [{ wrappers: 'AppCache' }, 'wrappers', /expected an array of strings, got a string/],
    [{ sentinels: ['ok', 3] }, 'sentinels[1]', /non-empty string, got 3/],
    [{ ignore: [''] }, 'ignore[0]', /non-empty string/],
    [{ root: 'yes' }, 'root', /expected true or false/],
  ])('%j → %s', (content, key, message) => {
    const err = errorFor(content);
    expect(err.key).toBe(key);
    expect(err.detail).toMatch(message);
  });

  it('reports malformed JSON with line and column', () => {
    const err = errorFor('{\n  "rules": {\n    "missing-ttl": "warn",\n  }\n}');
    expect(err.key).toBeUndefined();
    expect(err.detail).toMatch(/^malformed JSON: .* at 4:3$/);
  });

  it('reports an empty file as malformed JSON', () => {
    expect(errorFor('').detail).toMatch(/malformed JSON: .*at 1:1/);
  });

  it('rejects a top level that is not an object', () => {
    expect(errorFor('[1]').detail).toBe('expected an object, got an array');
  });

  it('names the package.json key path', () => {
    const err = errorFor({ name: 'x', cachelint: { rules: { nope: 1 } } }, 'package.json');
    expect(err.key).toBe('cachelint.rules.nope');
    expect(errorFor({ name: 'x', cachelint: 5 }, 'package.json').key).toBe('cachelint');
  });

  it('without strict, records the error once and returns defaults', () => {
    const root = tree({ '.cachelintrc.json': '{ "rules": 1 }', 'a.ts': '', 'b.ts': '' });
    const loader = createConfigLoader({ onlyRules: ['missing-ttl'] });
    const a = loader.configFor(join(root, 'a.ts'));
    loader.configFor(join(root, 'b.ts'));
    expect(a.rules['missing-ttl']).toBe('warn');
    expect(a.rules['key-drift']).toBe('off'); // overrides still apply to the defaults
    expect(loader.errors).toHaveLength(1);
    expect(loader.errors[0].key).toBe('rules');
  });

  it('--config pointing to a missing file is an error naming it', () => {
    const root = tree({ 'a.ts': '' });
    const loader = createConfigLoader({ strict: true, configFile: join(root, 'nope.json') });
    expect(() => loader.configFor(join(root, 'a.ts'))).toThrow(/nope\.json: cannot read the file \(ENOENT\)/);
  });
});
