// The JSON schemas the VS Code extension contributes (schemas/*.json, `contributes.jsonValidation`)
// must accept exactly what config-load.ts accepts: their keys and enums are compared with the
// loader's own lists, and a corpus of configs goes through both (a small validator for the part of
// JSON Schema the files use), so a key added to one and not the other fails here.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_LIBS, createConfigLoader, KEYS, SEVERITIES } from '../src/config-load';
import { parseBaseline } from '../src/engine/baseline';
import { RULE_IDS } from '../src/rule';
import { REPO } from './e2e/build';

type Schema = Record<string, unknown>;
const load = (name: string) => JSON.parse(readFileSync(join(REPO, 'schemas', name), 'utf8')) as Schema;
const rc = load('cachelintrc.schema.json');
const pkg = load('package.schema.json');
const baseline = load('baseline.schema.json');
const props = (s: Schema) => s.properties as Record<string, Schema>;

/** JSON Schema (draft-07), the keywords these schemas use; unknown keywords (VS Code's) are ignored. */
function valid(schema: Schema, v: unknown): boolean {
  const s = schema;
  const type = s.type as string | undefined;
  const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
  if (type === 'object' && !isObj(v)) return false;
  if (type === 'array' && !Array.isArray(v)) return false;
  if (type === 'string' && typeof v !== 'string') return false;
  if (type === 'boolean' && typeof v !== 'boolean') return false;
  if (type === 'integer' && !(typeof v === 'number' && Number.isInteger(v))) return false;
  if (s.enum && !(s.enum as unknown[]).includes(v)) return false;
  if (s.anyOf && !(s.anyOf as Schema[]).some((x) => valid(x, v))) return false;
  if (typeof v === 'string') {
    if (typeof s.minLength === 'number' && v.length < s.minLength) return false;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) return false;
  }
  if (typeof v === 'number' && typeof s.minimum === 'number' && v < s.minimum) return false;
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && v.length < s.minItems) return false;
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) return false;
    if (Array.isArray(s.items)) {
      if (!(s.items as Schema[]).every((x, i) => i >= v.length || valid(x, v[i]))) return false;
    } else if (s.items && !v.every((x) => valid(s.items as Schema, x))) return false;
  }
  if (isObj(v)) {
    for (const r of (s.required as string[] | undefined) ?? []) if (!(r in v)) return false;
    const p = (s.properties ?? {}) as Record<string, Schema>;
    for (const [k, x] of Object.entries(v)) {
      if (p[k]) {
        if (!valid(p[k], x)) return false;
      } else if (s.additionalProperties === false) return false;
      else if (isObj(s.additionalProperties) && !valid(s.additionalProperties as Schema, x)) return false;
    }
  }
  return true;
}

const tmp = mkdtempSync(join(tmpdir(), 'cachelint-schema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
/** Whether config-load accepts `config` as a .cachelintrc.json, or as package.json "cachelint". */
function loaderAccepts(config: unknown, inPackageJson = false): boolean {
  const dir = join(tmp, `c${n++}`);
  mkdirSync(dir);
  if (inPackageJson) writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', cachelint: config }));
  else writeFileSync(join(dir, '.cachelintrc.json'), JSON.stringify(config));
  const loader = createConfigLoader();
  loader.configFor(join(dir, 'a.ts'));
  return loader.errors.length === 0;
}

describe('the schemas name what the loader knows', () => {
  it('keys, rule ids, severities and cache libraries', () => {
    expect(Object.keys(props(rc)).sort()).toEqual([...KEYS].sort());
    expect(rc.additionalProperties).toBe(false);
    const rules = props(rc).rules;
    expect(Object.keys(props(rules))).toEqual([...RULE_IDS]);
    expect(rules.additionalProperties).toBe(false);
    for (const id of RULE_IDS) {
      const [single, array] = props(rules)[id].anyOf as Schema[];
      expect([...new Set((single.enum as unknown[]).map(String))].sort()).toEqual(Object.keys(SEVERITIES).sort());
      expect((single.enum as unknown[]).filter((x) => typeof x === 'number')).toEqual([0, 1, 2]);
      expect((array.items as Schema[])[0]).toEqual(single);
    }
    expect((props(rc).cacheModules.additionalProperties as Schema).enum).toEqual([...CACHE_LIBS]);
  });

  it('package.json holds the same schema under "cachelint"', () => {
    const { $schema, $id, title, description, ...body } = rc;
    expect([$schema, $id, title, description].every((x) => typeof x === 'string')).toBe(true);
    const { description: inPkg, ...pkgBody } = props(pkg).cachelint;
    expect(typeof inPkg).toBe('string');
    expect(pkgBody).toEqual(body);
  });
});

describe('the schemas and the loader agree', () => {
  const corpus: unknown[] = [
    {},
    { root: true, $schema: './schemas/cachelintrc.schema.json' },
    { rules: { 'missing-ttl': 'error', 'key-drift': 0, 'set-after-commit': '2', 'negative-cache-on-create': ['warn'] } },
    { rules: { 'missing-ttl': ['warn', { x: 1 }] } },
    { rules: { 'missing-ttl': [] } },
    { rules: { 'missing-ttl': 'loud' } },
    { rules: { 'missing-ttl': 3 } },
    { rules: { 'missing-ttl': 1.5 } },
    { rules: { 'missing-tll': 'warn' } },
    { rules: [] },
    { defaultTtlSeconds: 600 },
    { defaultTtlSeconds: 0 },
    { defaultTtlSeconds: 1.5 },
    { defaultTtlSeconds: '600' },
    { maxFileSize: 1 },
    { maxFileSize: -1 },
    { cacheModules: { '@acme/cache': 'ioredis', './infra/kv': 'keyv' } },
    { cacheModules: { '@acme/cache': 'redis' } },
    { cacheModules: ['ioredis'] },
    { wrappers: ['LegacyCache'], sentinels: ['<none>', 'NF'] },
    { wrappers: [''] },
    { wrappers: 'LegacyCache' },
    { sentinels: [null] },
    { ignore: ['src/generated/**', '!src/generated/keep.ts', 'a..b/c', '..foo/x'] },
    { ignore: ['../x'] },
    { ignore: ['!../../x'] },
    { ignore: ['src/../x'] },
    { ignore: ['src\\..\\x'] },
    { ignore: ['src/..'] },
    { root: 'yes' },
    { $schema: 1 },
    { wrapers: [] },
    [],
    'config',
    null,
  ];

  it.each(corpus.map((c) => [JSON.stringify(c), c]))('%s', (_label, config) => {
    const accepted = loaderAccepts(config);
    expect(valid(rc, config), 'the .cachelintrc.json schema').toBe(accepted);
    expect(valid(pkg, { name: 'x', cachelint: config }), 'the package.json schema').toBe(loaderAccepts(config, true));
  });

  it('the corpus is not one-sided', () => {
    const results = corpus.map((c) => loaderAccepts(c));
    expect(results.filter(Boolean).length).toBeGreaterThan(4);
    expect(results.filter((x) => !x).length).toBeGreaterThan(10);
  });

  it('the baseline schema accepts what --write-baseline writes and rejects what the CLI rejects', () => {
    const ok = { 'src/a.ts': { 'missing-ttl': { count: 2 } } };
    expect(valid(baseline, ok)).toBe(true);
    expect(() => parseBaseline('b', JSON.stringify(ok))).not.toThrow();
    for (const bad of [{ 'a.ts': 3 }, { 'a.ts': { 'missing-ttl': 2 } }, { 'a.ts': { 'missing-ttl': { count: -1 } } }, { 'a.ts': { 'missing-ttl': { count: 1.5 } } }]) {
      expect(valid(baseline, bad), JSON.stringify(bad)).toBe(false);
      expect(() => parseBaseline('b', JSON.stringify(bad))).toThrow();
    }
  });
});
