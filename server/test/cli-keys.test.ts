// Coverage and the key map on the command line (issue 12): `--stats`, the coverage in
// json-with-metadata and SARIF, the notice for a project cachelint cannot see into, and
// `cachelint keys` as text, JSON and HTML. The built CLI as a process, as cli.test.ts runs it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyMap } from '../src/engine/key-map';
import type { Coverage } from '../src/engine/coverage';
import type { LintResult } from '../src/report/json';
import { buildCli, project as projectIn, type BuiltCli } from './reliability-fixtures/built-cli';

let built: BuiltCli | undefined;
beforeAll(async () => {
  built = await buildCli('cli-keys');
});
afterAll(() => built?.dispose());

function run(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.DEBUG;
  const r = spawnSync(process.execPath, [built!.cli, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A service with a wrapper (RedisService), a key-drift between reads and a delete, and a set after a write. */
const APP: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'app', dependencies: { ioredis: '^5.0.0', '@prisma/client': '^5.0.0' } }),
  'src/redis.service.ts': [
    "import Redis from 'ioredis';",
    'export class RedisService {',
    '  private readonly redis = new Redis();',
    '  get(key: string) { return this.redis.get(key); }',
    "  set(key: string, value: string, ttl: number) { return this.redis.set(key, value, 'EX', ttl); }",
    '  del(key: string) { return this.redis.del(key); }',
    '}',
    '',
  ].join('\n'),
  'src/users.ts': [
    "import { PrismaClient } from '@prisma/client';",
    "import { RedisService } from './redis.service';",
    'const prisma = new PrismaClient();',
    'export class Users {',
    '  constructor(private readonly cache: RedisService) {}',
    '  async find(id: string) {',
    '    const hit = await this.cache.get(`user:v2:${id}`);',
    '    if (hit) return JSON.parse(hit);',
    '    const row = await prisma.user.findUnique({ where: { id } });',
    '    await this.cache.set(`user:v2:${id}`, JSON.stringify(row), 600);',
    '    return row;',
    '  }',
    '  async rename(id: string, name: string) {',
    '    await prisma.user.update({ where: { id }, data: { name } });',
    '    await this.cache.del(`user:${id}`);',
    '  }',
    '}',
    '',
  ].join('\n'),
};

describe('--stats and the coverage in reports', () => {
  it('--stats prints files, cache calls by library and wrapper, keys by role on stderr', () => {
    const root = projectIn(built!.work, APP);
    const r = run(root, '--stats', '-f', 'json');
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stderr).toMatch(/^2 files analysed \(2 parsed\)$/m);
    expect(r.stderr).toMatch(/^\d+ cache calls: ioredis via RedisService \(3\)/m);
    expect(r.stderr).toMatch(/^\d+ keys: \d+ cache, \d+ not a cache, \d+ unknown$/m);
    expect(r.stderr).toContain('cache libraries in use: ioredis');
    // without --stats: nothing of it
    expect(run(root, '-f', 'json').stderr).toBe('');
  });

  it('json stays ESLint’s array; json-with-metadata and SARIF carry the coverage', () => {
    const root = projectIn(built!.work, APP);
    const plain = JSON.parse(run(root, '-f', 'json').stdout) as LintResult[];
    expect(Array.isArray(plain)).toBe(true);
    const meta = JSON.parse(run(root, '-f', 'json-with-metadata').stdout) as { results: LintResult[]; metadata: { cwd: string; rulesMeta: object; coverage: Coverage } };
    expect(meta.results).toEqual(plain);
    expect(meta.metadata.rulesMeta).toHaveProperty('key-drift');
    expect(meta.metadata.coverage).toMatchObject({ files: 2, calls: { groups: expect.arrayContaining([{ lib: 'ioredis', via: 'RedisService', count: 3 }]) } });
    const sarif = JSON.parse(run(root, '-f', 'sarif').stdout) as { runs: { properties?: { coverage: Coverage } }[] };
    expect(sarif.runs[0].properties?.coverage).toEqual(meta.metadata.coverage);
  });

  it('says once when a project uses a cache library but no cache call was recognised', () => {
    const root = projectIn(built!.work, {
      'package.json': JSON.stringify({ dependencies: { ioredis: '^5' } }),
      // the client comes from a module cachelint does not analyse: nothing to follow
      'src/a.ts': "import { kv } from '@acme/platform';\nexport const f = (id: string) => kv.get(`user:${id}`);\n",
    });
    const r = run(root, '--stats');
    expect(r.code).toBe(0);
    const notices = r.stderr.split('\n').filter((l) => l.includes('recognised no cache call'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('This workspace uses ioredis');
    expect(notices[0]).toContain('"cacheModules"');
    expect(notices[0]).toContain('"wrappers"');
    expect(notices[0]).toContain('#when-cachelint-sees-no-cache-calls');
    expect(r.stderr).toMatch(/^0 cache calls$/m);
    // told where the client comes from, it sees the call
    const configured = projectIn(built!.work, {
      'package.json': JSON.stringify({ dependencies: { ioredis: '^5' }, cachelint: { cacheModules: { '@acme/platform': 'ioredis' } } }),
      'src/a.ts': "import { kv } from '@acme/platform';\nexport const f = (id: string) => kv.get(`user:${id}`);\n",
    });
    const ok = run(configured, '--stats');
    expect(ok.stderr).not.toContain('recognised no cache call');
    expect(ok.stderr).toMatch(/^1 cache call: ioredis \(1\)$/m);
  });

  it('takes a cacheModules path for the module every file imports by its own relative spelling', () => {
    // the facade picks its store at run time, out of sight: the user names the module by its path
    const files = (key: string) => ({
      '.cachelintrc.json': JSON.stringify({ cacheModules: { [key]: 'ioredis' } }),
      'package.json': JSON.stringify({ dependencies: { ioredis: '^5', '@prisma/client': '^5' } }),
      'server/lib/cache/index.ts': "const providers: Record<string, any> = {};\nexport default { get: (k: string) => providers.default.get(k), set: (k: string, v: string) => providers.default.set(k, v) };\n",
      'server/graphql/collectives.ts':
        "import cache from '../lib/cache';\nimport { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n" +
        'export async function collectiveId(slug: string) {\n  const hit = await cache.get(`collective:${slug}`);\n  if (hit) return hit;\n' +
        '  const row = await prisma.collective.findUnique({ where: { slug } });\n  await cache.set(`collective:${slug}`, row!.id);\n  return row!.id;\n}\n',
      'server/graphql/v1/mutations/rename.ts':
        "import cache from '../../../lib/cache';\nexport const peek = (slug: string) => cache.get(`collective:${slug}`);\n",
    });
    for (const key of ['./server/lib/cache', 'server/lib/cache']) {
      const root = projectIn(built!.work, files(key));
      const r = run(root, '--stats', '--format', 'json');
      expect(r.stderr, key).toMatch(/^3 cache calls: ioredis \(3\)$/m);
      // listed once, as the config writes it, not as each file's relative spelling
      expect(r.stderr.match(/^cache libraries in use: (.*)$/m)?.[1].split(', ').sort(), key).toEqual([key, 'ioredis'].sort());
      const results = JSON.parse(r.stdout) as LintResult[];
      expect(results.flatMap((f) => f.messages.map((m) => `${m.ruleId}:${m.line}`)), key).toEqual(['missing-ttl:8']);
    }
    // a name that is neither a package imported nor a path of the project changes nothing
    const other = run(projectIn(built!.work, files('lib/cache')), '--stats');
    expect(other.stderr).toMatch(/^0 cache calls$/m);
  });
});

describe('cachelint keys', () => {
  it('prints every key shape with role, TTLs, sites and the findings on it', () => {
    const root = projectIn(built!.work, APP);
    const r = run(root, 'keys');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('== user ==');
    expect(r.stdout).toMatch(/^user:v2:\{\}  \[cache\]  TTL: 10 min$/m);
    expect(r.stdout).toMatch(/readers \(1\):\n\s+src\/users\.ts:7:\d+  get, via RedisService\.get/);
    expect(r.stdout).toMatch(/writers \(1\):\n\s+src\/users\.ts:10:\d+  set, via RedisService\.set, TTL 10 min/);
    expect(r.stdout).toMatch(/^user:\{\}  \[/m);
    expect(r.stdout).toMatch(/deleters \(1\):\n\s+src\/users\.ts:15:\d+  del/);
    expect(r.stdout).toMatch(/findings \(1\):\n\s+src\/users\.ts:15:\d+  warning  .*key-drift/);
    expect(r.stdout).toMatch(/drifts from: user:v2:\{\}/);
  });

  it('--format json: the same map for tools, paths relative to the working folder', () => {
    const root = projectIn(built!.work, APP);
    const r = run(root, 'keys', 'src', '--format', 'json');
    const map = JSON.parse(r.stdout) as KeyMap & { version: string; coverage: Coverage };
    const v2 = map.keys.find((k) => k.shape === 'user:v2:{}')!;
    const v1 = map.keys.find((k) => k.shape === 'user:{}')!;
    expect(v2).toMatchObject({ entity: 'user', role: 'cache', ttls: [600], readers: [{ file: 'src/users.ts', line: 7, verb: 'get', via: 'RedisService.get' }] });
    expect(v2.writers).toMatchObject([{ file: 'src/users.ts', line: 10, ttl: 600 }]);
    expect(v1.deleters).toMatchObject([{ file: 'src/users.ts', line: 15, verb: 'del' }]);
    expect(v1.findings.map((f) => f.ruleId)).toEqual(['key-drift']);
    expect(v1.drift).toEqual([v2.id]);
    expect(v2.drift).toEqual([v1.id]);
    expect(map.coverage.calls.total).toBeGreaterThan(0);
  });

  it('--format html writes one self-contained page: grouped by entity, drifting shapes linked', () => {
    const root = projectIn(built!.work, APP);
    const r = run(root, 'keys', '--format', 'html', '-o', 'out/keys.html');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(join(root, 'out', 'keys.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h2 id="entity-user">user</h2>');
    expect(html).toContain('user:v2:{}');
    expect(html).toMatch(/Drifts from: <a href="#k\d+">/);
    expect(html).toContain('key-drift');
    // nothing fetched: no script, no external URL but the docs link text
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(html).toContain("default-src 'none'");
    // default file name
    run(root, 'keys', '-f', 'html');
    expect(readFileSync(join(root, 'cachelint-keys.html'), 'utf8')).toBe(html);
  });

  it('is a usage error for an unknown format or option', () => {
    const root = projectIn(built!.work, APP);
    expect(run(root, 'keys', '-f', 'xml')).toMatchObject({ code: 2, stderr: expect.stringContaining('Available formats: text, json, html') });
    expect(run(root, 'keys', '--nope').code).toBe(2);
    expect(run(root, 'keys', '--help').stdout).toContain('cachelint keys [options]');
  });
});
