// The bundled language server (dist/server.js --stdio) over the real protocol, with a client that
// behaves like VS Code (pull diagnostics, refresh) and one that behaves like Neovim 0.7 (push only).
// Every wait is on a protocol event (a publish, a refresh request), never on a timer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Command, Diagnostic } from 'vscode-languageserver-protocol';
import { bundledServer } from './e2e/build';
import { LspClient, uriOf } from './e2e/lsp-client';

// line 4 reloads user:1 on a miss: the key is a cache, so the write on line 3 is a finding
const CANONICAL = [
  "import Redis from 'ioredis';",
  'const redis = new Redis();',
  "export async function f(v: string) { await redis.set('user:1', v); }",
  "export const g = async () => (await redis.get('user:1')) ?? (await fetch('/users/1')).text();",
  '',
].join('\n');

const FILES: Record<string, string> = {
  'src/redis.ts': "import Redis from 'ioredis';\nexport const redis = new Redis();\n",
  'src/a.ts': CANONICAL,
  'src/reader.ts': "import { redis } from './redis';\nexport async function load(id: string) {\n  return redis.get(`user:v2:${id}`);\n}\n",
  'src/writer.ts': "import { redis } from './redis';\n\nexport async function drop(id: string) {\n  await redis.del(`user:v1:${id}`);\n}\n",
  'src/price.ts': [
    "import Redis from 'ioredis';",
    "import { PrismaClient } from '@prisma/client';",
    'const redis = new Redis();',
    'const prisma = new PrismaClient();',
    'export async function setPrice(id: string, priceCents: number) {',
    '  const product = await prisma.product.update({ where: { id }, data: { priceCents } });',
    "  await redis.set(`product:${id}`, JSON.stringify(product), 'EX', 300);",
    '  return product;',
    '}',
    '',
  ].join('\n'),
  // deep enough to overflow the TypeScript parser's recursion: the engine cannot analyse this file
  'src/deep.ts': `export const x = ${'('.repeat(6000)}1${')'.repeat(6000)};\n`,
};

let serverJs: string;
let ws: string;
const clients: LspClient[] = [];

function makeWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cachelint-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

async function start(opts: Partial<Parameters<typeof LspClient.start>[0]> & { pull: boolean }): Promise<LspClient> {
  const c = await LspClient.start({ serverJs, folders: [ws], ...opts });
  clients.push(c);
  return c;
}

const uri = (rel: string, root = ws) => uriOf(join(root, rel));
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();
const isAction = (a: CodeAction | Command): a is CodeAction => 'kind' in a || 'edit' in a;

/** Pulls `u` until `done` holds, pulling again after each refresh request the server sends. */
async function pullUntil(c: LspClient, u: string, done: (ds: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
  for (;;) {
    const seen = c.refreshes;
    const ds = await c.diagnostics(u);
    if (done(ds)) return ds;
    await c.until(() => c.refreshes > seen, what);
  }
}

async function actionsAt(c: LspClient, u: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return ((await c.codeActions(u, d.range, only)) ?? []).filter(isAction);
}

beforeAll(async () => {
  serverJs = await bundledServer();
  ws = makeWorkspace(FILES);
});

afterAll(() => {
  for (const c of clients) c.kill();
  if (ws) rmSync(ws, { recursive: true, force: true });
  if (serverJs) rmSync(dirname(serverJs), { recursive: true, force: true });
});

/** Closes what a test opened, so the next test on a shared client starts from the disk state. */
async function closeAll(c: LspClient, ...uris: string[]): Promise<void> {
  for (const u of uris) await c.close(u);
}

describe('pull diagnostics (a VS Code-like client)', () => {
  // one server for the tests that only open and edit buffers (starting one costs ~1 s on 2 cores)
  let c: LspClient;
  beforeAll(async () => {
    c = await start({ pull: true });
    await c.indexed();
  });

  it('reports, fixes and re-checks the canonical missing-ttl case', async () => {
    await c.until(() => c.registrations.length >= 2, 'dynamic registrations');
    expect(c.registrations.map((r) => r.method)).toEqual(
      expect.arrayContaining(['workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration']),
    );
    const watch = c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    expect(JSON.stringify(watch?.registerOptions)).toContain('**/.cachelintrc.json');
    const u = uri('src/a.ts');
    await c.open(u, CANONICAL);
    const [d] = await c.diagnostics(u);
    expect(d).toMatchObject({ code: 'missing-ttl', source: 'cachelint', range: { start: { line: 2 } } });
    expect(d.codeDescription?.href).toMatch(/docs\/rules\/missing-ttl\.md$/);
    expect(d.data).toMatchObject({ ruleId: 'missing-ttl', version: 1 });

    const actions = await actionsAt(c, u, d);
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('Disable cachelint missing-ttl for this line');
    expect(titles).toContain('Show documentation for missing-ttl');
    const ttl = actions.find((a) => /TTL/.test(a.title))!;
    expect(ttl.isPreferred).toBe(true);
    expect(await c.applyEdit(ttl.edit!)).toBe(true);
    expect(c.text(u)).toBe(CANONICAL.replace("set('user:1', v)", "set('user:1', v, 'EX', 300)"));
    expect(codes(await c.diagnostics(u))).toEqual([]);
    await closeAll(c, u);
  });

  it('refuses edits computed for an older version, and answers for the current one', async () => {
    const u = uri('src/a.ts');
    await c.open(u, CANONICAL);
    const [d] = await c.diagnostics(u);
    const old = (await actionsAt(c, u, d)).find((a) => /TTL/.test(a.title))!;
    await c.change(u, `// edited\n${CANONICAL}`);
    expect(await c.applyEdit(old.edit!)).toBe(false);
    const [d2] = await c.diagnostics(u);
    expect(d2.range.start.line).toBe(3);
    const fresh = (await actionsAt(c, u, d2)).find((a) => /TTL/.test(a.title))!;
    expect(fresh.edit?.documentChanges?.[0]).toMatchObject({ textDocument: { uri: u, version: 2 } });
    expect(await c.applyEdit(fresh.edit!)).toBe(true);
    await closeAll(c, u);
  });

  it('sees files it never opened (background index) and follows their changes on disk', async () => {
    const w = uri('src/writer.ts');
    await c.open(w, FILES['src/writer.ts']);
    const [drift] = await c.diagnostics(w);
    expect(drift.code).toBe('key-drift');
    expect(drift.relatedInformation?.[0].location).toMatchObject({ uri: uri('src/reader.ts'), range: { start: { line: 2 } } });

    // the reader changes on disk (another tool, git checkout): the watched-file event re-checks
    writeFileSync(join(ws, 'src/reader.ts'), FILES['src/reader.ts'].replace('user:v2:', 'user:v1:'));
    await c.notifyWatched([{ uri: uri('src/reader.ts'), type: 2 }]);
    await pullUntil(c, w, (ds) => ds.length === 0, 'a diagnostics refresh after the watched-file change');
    writeFileSync(join(ws, 'src/reader.ts'), FILES['src/reader.ts']);
    await c.notifyWatched([{ uri: uri('src/reader.ts'), type: 2 }]);
    await pullUntil(c, w, (ds) => codes(ds).includes('key-drift'), 'a refresh after the reader is restored');
    await closeAll(c, w);
  });

  it('updates key-drift in one open file when the read path in another open file changes', async () => {
    const r = uri('src/reader.ts');
    const w = uri('src/writer.ts');
    await c.open(r, FILES['src/reader.ts']);
    await c.open(w, FILES['src/writer.ts']);
    expect(codes(await c.diagnostics(w))).toEqual(['key-drift']);
    await c.change(r, FILES['src/reader.ts'].replace('user:v2:', 'user:v1:'));
    await pullUntil(c, w, (ds) => ds.length === 0, 'a diagnostics refresh after editing the reader');
    // closing the edited reader brings its disk text (v2) back: the drift returns
    await c.close(r);
    await pullUntil(c, w, (ds) => codes(ds).includes('key-drift'), 'a refresh after closing the reader');
    await closeAll(c, w);
  });

  it('hovers a cache call with its key shape and the other uses of that shape', async () => {
    const r = uri('src/reader.ts');
    await c.open(r, FILES['src/reader.ts']);
    const hover = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: r }, position: { line: 2, character: 16 } });
    const md = (hover as { contents: { value: string } }).contents.value;
    expect(md).toContain('Key shape: `user:v2:{}`');
    expect(md).toMatch(/- read once: \[src\/reader\.ts:3\]\(file:\/\/.*reader\.ts#L3\)/);
    expect(md).toContain('- written 0 times');
    const none = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: r }, position: { line: 0, character: 2 } });
    expect(none).toBeNull();
    await closeAll(c, r);
  });

  it('hovers a finding with its race for this code, above the key shape', async () => {
    const p = uri('src/price.ts');
    await c.open(p, FILES['src/price.ts']);
    expect(codes(await c.diagnostics(p))).toEqual(['set-after-commit']);
    const hover = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: p }, position: { line: 6, character: 16 } });
    const md = (hover as { contents: { value: string } }).contents.value;
    expect(md).toMatch(/^\*\*cachelint\*\* `set-after-commit`: Two writers can commit `prisma\.product\.update` in one order/);
    expect(md).toContain('- **T0** writer A: `prisma.product.update` commits v1');
    expect(md).toContain('- **T3** writer A: sets `product:{}` = v1 → **stale until the TTL (5 min)**');
    expect(md).toContain('[set-after-commit](https://');
    expect(md.indexOf('How it goes stale')).toBeLessThan(md.indexOf('Key shape: `product:{}`'));
    // the database write it races with has no finding: only its own hover, if any
    const write = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: p }, position: { line: 5, character: 40 } });
    expect(JSON.stringify(write ?? '')).not.toContain('How it goes stale');
    await closeAll(c, p);
  });

  it('applies settings per resource: severities, defaultTtlSeconds (safe fix-all) and enable', async () => {
    let settings: Record<string, unknown> = { rules: { 'missing-ttl': 'error' } };
    const c = await start({ pull: true, settings: () => settings });
    const u = uri('src/a.ts');
    await c.open(u, CANONICAL);
    const [d] = await c.diagnostics(u);
    expect(d.severity).toBe(1);
    expect(await actionsAt(c, u, d, ['source.fixAll.cachelint'])).toEqual([]);

    settings = { defaultTtlSeconds: 60 };
    await c.notifyConfiguration();
    const [d2] = await pullUntil(c, u, (ds) => ds[0]?.severity === 2, 'a refresh after the configuration change');
    const [fixAll] = await actionsAt(c, u, d2, ['source.fixAll.cachelint']);
    expect(fixAll.kind).toBe('source.fixAll.cachelint');
    expect(await c.applyEdit(fixAll.edit!)).toBe(true);
    expect(c.text(u)).toContain("redis.set('user:1', v, 'EX', 60)");

    settings = { enable: false };
    await c.notifyConfiguration();
    await c.change(u, CANONICAL);
    expect(await c.diagnostics(u)).toEqual([]);
  });

  it('opens the bundled rule page through window/showDocument, also when given the web URL (older clients)', async () => {
    await c.conn.sendRequest('workspace/executeCommand', {
      command: 'cachelint.showDocumentation',
      arguments: ['https://github.com/cachelint/cachelint/blob/main/docs/rules/key-drift.md'],
    });
    // a command naming no rule opens nothing (never an arbitrary file or URL)
    await c.conn.sendRequest('workspace/executeCommand', { command: 'cachelint.showDocumentation', arguments: [{ ruleId: '../../etc/passwd' }] });
    expect(c.shownDocuments).toEqual([{ uri: uriOf(join(dirname(serverJs), 'docs/rules/key-drift.md')), takeFocus: true }]);
  });

  it('survives a file the engine cannot analyse, and shuts down cleanly', async () => {
    const c = await start({ pull: true });
    const deep = uri('src/deep.ts');
    await c.open(deep, FILES['src/deep.ts']);
    expect(await c.diagnostics(deep)).toEqual([]);
    await c.until(() => c.logs.some((l) => l.includes('deep.ts')), 'the failure in the output channel');
    const u = uri('src/a.ts');
    await c.open(u, CANONICAL);
    expect(codes(await c.diagnostics(u))).toEqual(['missing-ttl']);
    expect(await c.stop()).toBe(0);
    expect(c.proc.exitCode).toBe(0);
  });
});

describe('push diagnostics (a Neovim 0.7-like client)', () => {
  let c: LspClient;
  beforeAll(async () => {
    c = await start({ pull: false, documentChanges: false });
  });

  it('publishes, applies the swap-set-for-delete fix with plain changes, and re-publishes', async () => {
    const u = uri('src/price.ts');
    await c.open(u, FILES['src/price.ts']);
    await c.until(() => (c.published.get(u)?.length ?? 0) > 0, 'diagnostics for price.ts');
    const [d] = c.published.get(u)!;
    expect(d).toMatchObject({ code: 'set-after-commit', range: { start: { line: 6 } } });
    expect(d.relatedInformation?.[0].location.range.start.line).toBe(5);
    const swap = (await actionsAt(c, u, d)).find((a) => a.title.startsWith('Delete the key instead'))!;
    expect(swap.edit?.changes?.[u]).toBeDefined();
    expect(await c.applyEdit(swap.edit!)).toBe(true);
    expect(c.text(u).split('\n')[6]).toBe('  await redis.del(`product:${id}`);');
    await c.until(() => c.published.get(u)?.length === 0, 'the finding to go away');
    await closeAll(c, u);
  });

  it('re-publishes another open file when a change moves its cross-file findings', async () => {
    const r = uri('src/reader.ts');
    const w = uri('src/writer.ts');
    await c.open(r, FILES['src/reader.ts']);
    await c.open(w, FILES['src/writer.ts']);
    await c.until(() => codes(c.published.get(w) ?? []).includes('key-drift'), 'key-drift in writer.ts');
    await c.change(r, FILES['src/reader.ts'].replace('user:v2:', 'user:v1:'));
    await c.until(() => c.published.get(w)?.length === 0, 'writer.ts to be re-published clean');
    await c.close(w);
    await c.until(() => c.published.get(w)?.length === 0, 'the close to clear writer.ts');
    await closeAll(c, r);
  });

  it('in onSave mode checks saved text only; code actions for an unsaved buffer are refused', async () => {
    const c = await start({ pull: false, settings: () => ({ run: 'onSave' }) });
    const u = uri('src/a.ts');
    await c.open(u, CANONICAL);
    await c.until(() => codes(c.published.get(u) ?? []).includes('missing-ttl'), 'missing-ttl');
    const d = c.published.get(u)![0];
    await c.change(u, CANONICAL.replace("v);", "v, 'EX', 10);"));
    expect(await actionsAt(c, u, d)).toEqual([]);
    await c.save(u);
    await c.until(() => c.published.get(u)?.length === 0, 'the save to re-check');
  });

  it('uses each workspace folder’s own .cachelintrc.json (multi-root)', async () => {
    const strict = makeWorkspace({ '.cachelintrc.json': '{ "rules": { "missing-ttl": "error" } }', 'a.ts': CANONICAL });
    const quiet = makeWorkspace({ '.cachelintrc.json': '{ "rules": { "missing-ttl": "off" } }', 'a.ts': CANONICAL });
    try {
      const c = await start({ pull: false, folders: [strict, quiet] });
      await c.open(uri('a.ts', quiet), CANONICAL);
      await c.open(uri('a.ts', strict), CANONICAL);
      await c.until(() => (c.published.get(uri('a.ts', strict))?.length ?? 0) > 0, 'the strict folder');
      expect(c.published.get(uri('a.ts', strict))![0].severity).toBe(1);
      await c.until(() => c.published.has(uri('a.ts', quiet)), 'the quiet folder');
      expect(c.published.get(uri('a.ts', quiet))).toEqual([]);
    } finally {
      rmSync(strict, { recursive: true, force: true });
      rmSync(quiet, { recursive: true, force: true });
    }
  });

  it('exits when the client goes away without shutdown (stdin closed)', async () => {
    const c = await start({ pull: false, folders: [] });
    const exited = new Promise<number | null>((resolve) => c.proc.once('exit', (code) => resolve(code)));
    c.proc.stdin!.end();
    expect(await exited).not.toBeNull();
  });
});
