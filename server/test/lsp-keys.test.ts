// The bundled language server over the real protocol (issue 12): the coverage it sends after each
// analysis (`cachelint/coverage`, the output channel, one warning for a workspace it cannot see
// into) and the key map request (`cachelint/keys`) that VS Code's view and Neovim read.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledServer } from './e2e/build';
import { LspClient, uriOf } from './e2e/lsp-client';

const APP: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'app', dependencies: { ioredis: '^5.0.0' } }),
  'src/redis.ts': "import Redis from 'ioredis';\nexport const redis = new Redis();\n",
  'src/reader.ts': [
    "import { redis } from './redis';",
    'export async function load(id: string) {',
    '  const hit = await redis.get(`user:v2:${id}`);',
    '  return hit ?? (await fetch(`/users/${id}`)).text();',
    '}',
    'export async function fill(id: string, v: string) {',
    "  await redis.set(`user:v2:${id}`, v, 'EX', 300);",
    '}',
    '',
  ].join('\n'),
  'src/writer.ts': "import { redis } from './redis';\n\nexport async function drop(id: string) {\n  await redis.del(`user:v1:${id}`);\n}\n",
};

const BLIND: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'blind', dependencies: { ioredis: '^5.0.0' } }),
  'src/a.ts': "import { kv } from '@acme/platform';\nexport const f = (id: string) => kv.get(`user:${id}`);\n",
};

interface KeysAnswer {
  version: string;
  folders: {
    root: string;
    uri: string;
    keys: {
      id: string;
      shape?: string;
      label: string;
      entity: string;
      role: string;
      ttls: unknown[];
      readers: { uri: string; line: number }[];
      writers: { uri: string; line: number; ttl?: unknown }[];
      deleters: { uri: string; line: number }[];
      findings: { ruleId: string; site: { uri: string; line: number } }[];
      drift: string[];
    }[];
  }[];
}

let serverJs: string;
const roots: string[] = [];
const clients: LspClient[] = [];

function makeWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cachelint-lsp-keys-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  roots.push(root);
  return root;
}

async function start(folder: string, pull: boolean): Promise<LspClient> {
  const c = await LspClient.start({ serverJs, folders: [folder], pull });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  serverJs = await bundledServer();
});

afterAll(() => {
  for (const c of clients) c.kill();
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  if (serverJs) rmSync(dirname(serverJs), { recursive: true, force: true });
});

describe('coverage after each analysis', () => {
  it('sends cachelint/coverage and logs the summary once the folder is indexed', async () => {
    const ws = makeWorkspace(APP);
    const c = await start(ws, true);
    await c.indexed();
    await c.until(() => c.coverages.length > 0, 'a cachelint/coverage notification');
    const [folder] = c.coverages[0].folders;
    expect(folder.root).toBe(ws);
    expect(folder.coverage.calls.total).toBe(3);
    expect(folder.summary).toEqual([
      '3 files analysed (3 parsed)',
      '3 cache calls: ioredis (3)',
      '2 keys: 1 cache, 0 not a cache, 1 unknown',
      'cache libraries in use: ioredis',
    ]);
    expect(folder.notice).toBeUndefined();
    expect(c.logs.some((l) => l.includes(`${ws}: 3 files analysed`) && l.includes('3 cache calls: ioredis (3)'))).toBe(true);
    expect(c.messages).toEqual([]);

    // an edit that adds a call: a new summary follows the analysis
    const u = uriOf(join(ws, 'src/writer.ts'));
    const seen = c.coverages.length;
    await c.open(u, `${APP['src/writer.ts']}export const peek = (id: string) => redis.get(\`user:v1:\${id}\`);\n`);
    await c.diagnostics(u);
    await c.until(() => c.coverages.length > seen, 'a new coverage after the edit');
    expect(c.coverages.at(-1)!.folders[0].summary[1]).toBe('4 cache calls: ioredis (4)');
  });

  it('warns once, with what to configure, when the workspace uses a cache library cachelint cannot see', async () => {
    const ws = makeWorkspace(BLIND);
    const c = await start(ws, false);
    await c.indexed();
    await c.until(() => c.coverages.length > 0, 'a cachelint/coverage notification');
    const [folder] = c.coverages[0].folders;
    expect(folder.coverage.calls.total).toBe(0);
    expect(folder.notice).toContain('This workspace uses ioredis, but cachelint recognised no cache call');
    await c.until(() => c.messages.length > 0, 'the warning');
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0].type).toBe(2);
    expect(c.messages[0].message).toMatch(/"cacheModules".*"wrappers".*#when-cachelint-sees-no-cache-calls/);
    // more analyses: no second warning
    const u = uriOf(join(ws, 'src/a.ts'));
    await c.open(u, `${BLIND['src/a.ts']}// edited\n`);
    await c.until(() => c.published.has(u), 'diagnostics of the edited file');
    expect(c.messages).toHaveLength(1);
  });
});

describe('cachelint/keys', () => {
  it('answers with every key shape, its sites as URIs, the findings on it and the drift between shapes', async () => {
    const ws = makeWorkspace(APP);
    const c = await start(ws, true);
    const answer = (await c.conn.sendRequest('cachelint/keys', {})) as KeysAnswer;
    expect(answer.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(answer.folders).toHaveLength(1);
    const { keys, root } = answer.folders[0];
    expect(root).toBe(ws);
    const v2 = keys.find((k) => k.shape === 'user:v2:{}')!;
    const v1 = keys.find((k) => k.shape === 'user:v1:{}')!;
    const reader = uriOf(join(ws, 'src/reader.ts'));
    expect(v2).toMatchObject({ entity: 'user', role: 'cache', ttls: [300], readers: [{ uri: reader, line: 3 }], writers: [{ uri: reader, line: 7, ttl: 300 }] });
    expect(v1.deleters).toMatchObject([{ uri: uriOf(join(ws, 'src/writer.ts')), line: 4 }]);
    expect(v1.findings).toMatchObject([{ ruleId: 'key-drift', site: { line: 4 } }]);
    expect(v1.drift).toEqual([v2.id]);
    // one folder by uri
    const one = (await c.conn.sendRequest('cachelint/keys', { uri: reader })) as KeysAnswer;
    expect(one.folders.map((f) => f.root)).toEqual([ws]);
  });
});
