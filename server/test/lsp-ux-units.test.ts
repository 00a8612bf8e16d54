// Pure parts of the editor experience: where a config error points (JSON path → range), the
// baselined diagnostic, the documentation command's arguments, the output channel's header.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConfigLoader, type ConfigError } from '../src/config-load';
import { configErrorRange } from '../src/lsp/config-errors';
import { BASELINE_TAG, toDiagnostic } from '../src/lsp/diagnostics';
import { localDoc, ruleOfArgs, showDocArgs } from '../src/lsp/docs';
import { headerLines } from '../src/lsp/header';
import type { Finding } from '../src/rule';
import { locateJsonPath } from '../src/text/json-locate';

const tmp = mkdtempSync(join(tmpdir(), 'cachelint-ux-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('locateJsonPath', () => {
  const text = '{\n  // comment with "rules": {\n  "rules": { "a": 1, "missing-tll": "off" },\n  "ignore": ["x", "../y"],\n  "cacheModules": { "@acme/cache.v2": "redis" }\n}\n';
  const at = (path: (string | number)[]) => {
    const s = locateJsonPath(text, path);
    return s && text.slice(s.start, s.end);
  };

  it('finds property names, nested ones and array elements, skipping comments and other values', () => {
    expect(at(['rules'])).toBe('"rules"');
    expect(at(['rules', 'missing-tll'])).toBe('"missing-tll"');
    expect(at(['ignore', 1])).toBe('"../y"');
    expect(at(['cacheModules', '@acme/cache.v2'])).toBe('"@acme/cache.v2"');
    expect(at(['rules', 'nope'])).toBeUndefined();
    expect(at(['ignore', 5])).toBeUndefined();
    expect(locateJsonPath('{ "a": ', ['a', 'b'])).toBeUndefined();
  });
});

describe('config errors point at the bad key', () => {
  const errorOf = (name: string, text: string): ConfigError => {
    const file = join(tmp, name, name.endsWith('package') ? 'package.json' : '.cachelintrc.json');
    mkdirSync(join(tmp, name), { recursive: true });
    writeFileSync(file, text);
    const loader = createConfigLoader();
    loader.configFor(join(tmp, name, 'a.ts'));
    return loader.errors[0];
  };
  const range = (e: ConfigError, text: string) => {
    const r = configErrorRange(e, text)!;
    return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  };

  it('a key, a nested key, an array element, a package.json key and a syntax error', () => {
    const rc = '{\n  "rules": {\n    "missing-tll": "warn"\n  }\n}\n';
    const e = errorOf('rc', rc);
    expect(e.at).toEqual({ path: ['rules', 'missing-tll'] });
    expect(range(e, rc)).toBe('2:4-2:17');
    const ignore = '{ "ignore": ["ok", "../../x"] }';
    expect(range(errorOf('ignore', ignore), ignore)).toBe('0:19-0:28');
    const pkg = '{\n  "name": "x",\n  "cachelint": { "wrapers": [] }\n}\n';
    const p = errorOf('in-package', pkg);
    expect(p.at).toEqual({ path: ['cachelint', 'wrapers'] });
    expect(range(p, pkg)).toBe('2:17-2:26');
    const broken = '{\n  "rules": {,\n}';
    const b = errorOf('broken', broken);
    expect(b.at).toMatchObject({ line: 2 });
    expect(range(b, broken)).toMatch(/^1:\d+-1:\d+$/);
  });

  it('falls back to the nearest key that is still in the file', () => {
    const e = errorOf('moved', '{ "rules": { "missing-tll": "warn" } }');
    expect(range(e, '{ "rules": {} }')).toBe('0:2-0:9');
  });
});

describe('diagnostics of baselined findings', () => {
  const f: Finding = { ruleId: 'missing-ttl', messageId: 'noTtl', message: 'No TTL.', file: '/a.ts', span: { start: 0, end: 3 }, severity: 'error', related: [], suggestions: [] };

  it('are hints tagged in the message; the rest keep their severity', () => {
    expect(toDiagnostic(f, 'abc', { version: 1, textOf: () => undefined }, true)).toMatchObject({ severity: 4, message: `No TTL. ${BASELINE_TAG}`, code: 'missing-ttl' });
    expect(toDiagnostic(f, 'abc', { version: 1, textOf: () => undefined })).toMatchObject({ severity: 1, message: 'No TTL.' });
  });
});

describe('documentation command', () => {
  it('names the rule; only known rules resolve to a bundled page', () => {
    expect(showDocArgs('key-drift')).toEqual({ ruleId: 'key-drift', url: 'https://github.com/cachelint/cachelint/blob/main/docs/rules/key-drift.md' });
    expect(ruleOfArgs([showDocArgs('key-drift')])).toBe('key-drift');
    expect(ruleOfArgs(['https://github.com/cachelint/cachelint/blob/main/docs/rules/missing-ttl.md'])).toBe('missing-ttl');
    expect(ruleOfArgs([{ ruleId: '../secrets' }])).toBeUndefined();
    expect(ruleOfArgs(undefined)).toBeUndefined();
    writeFileSync(join(tmp, 'key-drift.md'), '# key-drift\n');
    expect(localDoc('key-drift', tmp)).toBe(join(tmp, 'key-drift.md'));
    expect(localDoc('missing-ttl', tmp)).toBeUndefined();
    expect(localDoc('../key-drift', tmp)).toBeUndefined();
  });
});

describe('output channel header', () => {
  it('says what runs and what governs each folder', () => {
    expect(headerLines('1.2.3', 'v20.1.0', [{ root: '/w/a', config: '/w/a/.cachelintrc.json', baseline: undefined }])).toEqual([
      'cachelint 1.2.3 (language server) on Node v20.1.0',
      'workspace folder /w/a: config /w/a/.cachelintrc.json; baseline none',
    ]);
    expect(headerLines('1.2.3', 'v20.1.0', [])[1]).toBe('no workspace folder: open files are checked alone');
  });
});
