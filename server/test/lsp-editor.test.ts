// What the language server adds for people at the editor, over the real protocol: the output
// channel's header and reload lines, baselined findings as hints, Flow files left alone, "Open
// config" on a broken config, the bundled rule page, the disable comment as a snippet, the status
// with the file count, and first diagnostics before the background index of a large workspace.
// Waits are on protocol events, never on timers.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { bundledServer, REPO } from './e2e/build';
import { LspClient, uriOf, type ClientOptions } from './e2e/lsp-client';
import type { Expected } from '../../bench/generate.mjs' with { 'resolution-mode': 'import' };

const REDIS = "import Redis from 'ioredis';\nexport const redis = new Redis();\n";
// each key is read back with a reload on a miss: each is a cache, so each write without a TTL is a finding
const ONE = "import { redis } from './redis';\nexport async function f(v: string) { await redis.set('user:1', v); }\nexport const read1 = async () => (await redis.get('user:1')) ?? (await fetch('/user:1')).text();\n";
const TWO = `${ONE}export async function g(v: string) { await redis.set('user:2', v); }\nexport const read2 = async () => (await redis.get('user:2')) ?? (await fetch('/user:2')).text();\n`;
const FLOW = "// @flow\nimport { redis } from './redis';\nexport async function f(v: ?string): Promise<void> { await redis.set('k', v); }\nexport type T = {| a: number |};\n";

let serverJs: string;
const temp: string[] = [];
const clients: LspClient[] = [];

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cachelint-editor-'));
  temp.push(root);
  mkdirSync(join(root, '.git'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

async function start(root: string, opts: Partial<ClientOptions> = {}): Promise<LspClient> {
  const c = await LspClient.start({ serverJs, folders: [root], pull: true, ...opts });
  clients.push(c);
  return c;
}

const u = (root: string, rel: string) => uriOf(join(root, rel));
const isAction = (a: unknown): a is CodeAction => !!a && typeof a === 'object' && 'title' in a && !('command' in a && typeof (a as { command: unknown }).command === 'string');

beforeAll(async () => {
  serverJs = await bundledServer();
});

afterAll(() => {
  for (const c of clients) c.kill();
  for (const d of temp) rmSync(d, { recursive: true, force: true });
  if (serverJs) rmSync(dirname(serverJs), { recursive: true, force: true });
});

describe('the output channel', () => {
  it('starts with the version, the Node version, and each folder with its config and baseline; reloads are logged', async () => {
    const withConfig = workspace({ '.cachelintrc.json': '{ "wrappers": [] }', 'cachelint-baseline.json': '{}', 'a.ts': ONE });
    const bare = workspace({ 'a.ts': ONE });
    const c = await start(withConfig, { folders: [withConfig, bare] });
    await c.indexed();
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(c.logs.slice(0, 3)).toEqual([
      `cachelint ${version} (language server) on Node ${process.version}`,
      `workspace folder ${withConfig}: config ${join(withConfig, '.cachelintrc.json')}; baseline ${join(withConfig, 'cachelint-baseline.json')}`,
      `workspace folder ${bare}: config none (defaults); baseline none`,
    ]);
    writeFileSync(join(bare, '.cachelintrc.json'), '{ "rules": { "missing-ttl": "error" } }');
    await c.notifyWatched([{ uri: u(bare, '.cachelintrc.json'), type: 1 }]);
    await c.until(() => c.logs.some((l) => l.includes('configuration reloaded')), 'the reload line');
    expect(c.logs.find((l) => l.includes('configuration reloaded'))).toBe(
      `cachelint: configuration reloaded (${join(bare, '.cachelintrc.json')} created); ${bare}: config ${join(bare, '.cachelintrc.json')}`,
    );
  });
});

describe('baselined findings', () => {
  const baseline = JSON.stringify({ 'a.ts': { 'missing-ttl': { count: 1 } } });

  it('show as hints tagged (baselined), or not at all with cachelint.baseline: hide, and follow the file', async () => {
    const root = workspace({ 'redis.ts': REDIS, 'a.ts': ONE, 'cachelint-baseline.json': baseline });
    let mode = 'hint';
    const c = await start(root, { settings: () => ({ baseline: mode }) });
    await c.indexed();
    await c.open(u(root, 'a.ts'), ONE);
    const [d] = await c.diagnostics(u(root, 'a.ts'));
    expect(d).toMatchObject({ code: 'missing-ttl', severity: 4 });
    expect(d.message).toMatch(/ \(baselined\)$/);
    // its quick fixes are still there
    expect(((await c.codeActions(u(root, 'a.ts'), d.range)) ?? []).map((a) => a.title)).toContain('Disable cachelint missing-ttl for this line');

    mode = 'hide';
    await c.notifyConfiguration();
    await c.until(() => c.refreshes > 0, 'a refresh after the settings change');
    expect(await c.diagnostics(u(root, 'a.ts'))).toEqual([]);

    // a second finding exceeds the count: both show as warnings again
    await c.change(u(root, 'a.ts'), TWO);
    expect((await c.diagnostics(u(root, 'a.ts'))).map((x) => x.severity)).toEqual([2, 2]);
    // the baseline is rewritten (--write-baseline) and the editor follows the watched file
    writeFileSync(join(root, 'cachelint-baseline.json'), JSON.stringify({ 'a.ts': { 'missing-ttl': { count: 2 } } }));
    const seen = c.refreshes;
    await c.notifyWatched([{ uri: u(root, 'cachelint-baseline.json'), type: 2 }]);
    await c.until(() => c.refreshes > seen, 'a refresh after the baseline changed');
    expect(await c.diagnostics(u(root, 'a.ts'))).toEqual([]);
  });
});

describe('Flow files', () => {
  it('get no diagnostics and one log line, however often they are opened', async () => {
    const root = workspace({ 'redis.ts': REDIS, 'legacy.js': FLOW, 'other.js': FLOW });
    const c = await start(root);
    await c.indexed();
    expect(c.logs.filter((l) => l.includes('Flow'))).toEqual([`cachelint: skipped 2 Flow files (@flow) in ${root}, which cachelint cannot parse`]);
    for (let i = 0; i < 2; i++) {
      await c.open(u(root, 'legacy.js'), FLOW, 'javascript');
      expect(await c.diagnostics(u(root, 'legacy.js'))).toEqual([]);
      await c.close(u(root, 'legacy.js'));
    }
    const lines = c.logs.filter((l) => l.includes('legacy.js'));
    expect(lines).toEqual([`cachelint: ${join(root, 'legacy.js')} is a Flow file (@flow), which cachelint cannot parse: it gets no diagnostics`]);
  });
});

describe('a broken config', () => {
  const CONFIG = '{\n  // legacy jobs\n  "rules": {\n    "missing-ttl": "warn",\n    "missing-tll": "off"\n  }\n}\n';

  it('offers "Open config", which opens the file at the bad key', async () => {
    const root = workspace({ '.cachelintrc.json': CONFIG, 'redis.ts': REDIS, 'a.ts': ONE });
    const c = await start(root, { messageActions: { answer: (p) => p.actions?.find((a) => a.title === 'Open config') ?? null } });
    await c.until(() => c.shownDocuments.length > 0, 'the config to be shown');
    expect(c.messageRequests).toEqual([
      expect.objectContaining({ type: 2, message: expect.stringContaining('"rules.missing-tll": unknown rule id'), actions: [{ title: 'Open config' }] }),
    ]);
    expect(c.shownDocuments).toEqual([
      { uri: u(root, '.cachelintrc.json'), takeFocus: true, selection: { start: { line: 4, character: 4 }, end: { line: 4, character: 17 } } },
    ]);
    expect(c.logs).toContain(`workspace folder ${root}: config ${join(root, '.cachelintrc.json')} (invalid: defaults used); baseline none`);
    // "cachelint: Open Configuration" asks which config applies: the broken one (to fix, never to replace)
    expect(await c.conn.sendRequest('cachelint/configFile', { uri: u(root, 'a.ts') })).toEqual({ file: join(root, '.cachelintrc.json'), root });
    const bare = workspace({ 'a.ts': ONE });
    expect(await c.conn.sendRequest('cachelint/configFile', { uri: u(bare, 'a.ts') })).toEqual({ file: null, root: null });
  });

  it('is a plain warning for clients without message buttons (Neovim 0.7)', async () => {
    const root = workspace({ 'package.json': '{ "name": "x", "cachelint": { "wrapers": [] } }', 'redis.ts': REDIS, 'a.ts': ONE });
    const c = await start(root, { pull: false, showDocument: false });
    await c.until(() => c.messages.length > 0, 'the warning');
    expect(c.messages[0]).toMatchObject({ type: 2, message: expect.stringContaining('"cachelint.wrapers": unknown key (did you mean \'wrappers\'?)') });
    expect(c.messageRequests).toEqual([]);
  });
});

describe('code actions', () => {
  it('opens the rule page bundled with the server (no network), or names its path without showDocument', async () => {
    const root = workspace({ 'redis.ts': REDIS, 'a.ts': ONE });
    const c = await start(root);
    await c.open(u(root, 'a.ts'), ONE);
    const [d] = await c.diagnostics(u(root, 'a.ts'));
    const doc = ((await c.codeActions(u(root, 'a.ts'), d.range)) ?? []).filter(isAction).find((a) => a.title.startsWith('Show documentation'))!;
    expect(doc.command).toMatchObject({ command: 'cachelint.showDocumentation', arguments: [{ ruleId: 'missing-ttl' }] });
    await c.conn.sendRequest('workspace/executeCommand', doc.command);
    expect(c.shownDocuments).toEqual([{ uri: expect.stringMatching(/^file:.*\/docs\/rules\/missing-ttl\.md$/), takeFocus: true }]);
    const page = fileURLToPath(c.shownDocuments[0].uri);
    expect(readFileSync(page, 'utf8')).toBe(readFileSync(join(REPO, 'docs/rules/missing-ttl.md'), 'utf8'));

    const plain = await start(root, { pull: false, showDocument: false });
    await plain.conn.sendRequest('workspace/executeCommand', doc.command);
    await plain.until(() => plain.messages.length > 0, 'the documentation message');
    expect(plain.messages[0].message).toBe(`cachelint documentation for missing-ttl: ${page}`);
  });

  it('disables for the line with a snippet edit (cursor after `-- `) where the client takes them', async () => {
    const root = workspace({ 'redis.ts': REDIS, 'a.ts': ONE });
    const c = await start(root, { snippets: true });
    await c.open(u(root, 'a.ts'), ONE);
    const [d] = await c.diagnostics(u(root, 'a.ts'));
    const dis = ((await c.codeActions(u(root, 'a.ts'), d.range)) ?? []).filter(isAction).find((a) => a.title.startsWith('Disable'))!;
    expect(dis.edit?.documentChanges).toEqual([
      { textDocument: { uri: u(root, 'a.ts'), version: 1 }, edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, snippet: { kind: 'snippet', value: '// cachelint-disable-next-line missing-ttl -- $0\n' } }] },
    ]);
  });
});

describe('a large workspace', () => {
  let root: string;
  let expected: Expected;
  beforeAll(async () => {
    const { generate } = await import('../../bench/generate.mjs');
    root = mkdtempSync(join(tmpdir(), 'cachelint-big-'));
    temp.push(root);
    expected = generate(join(root, 'ws'), { files: 1500, seed: 3 });
    mkdirSync(join(root, 'ws', '.git'));
  }, 120_000);

  const lines = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.range.start.line + 1}`).sort();
  const planted = (file: string, rules?: string[]) =>
    expected.findings.filter((f) => f.file === file && (!rules || rules.includes(f.rule))).map((f) => `${f.rule} ${f.line}`).sort();

  it('answers the opened file with its own findings before the index is done; the cross-file ones follow', { timeout: 120_000 }, async () => {
    const ws = join(root, 'ws');
    const c = await start(ws);
    // the status item counts the files being indexed
    await c.until(() => c.statuses.some((s) => s.state === 'indexing' && (s.files ?? 0) > 0), 'the indexing status with its file count');
    expect(c.statuses.find((s) => (s.files ?? 0) > 0)?.files).toBe(expected.files);
    const { bigFile } = expected.lsp;
    // an archive job deleting a key its builder (another module) spells differently
    const dependentFile = expected.findings.find((f) => f.rule === 'key-drift')!.file;
    await c.open(u(ws, bigFile), readFileSync(join(ws, bigFile), 'utf8'));
    await c.open(u(ws, dependentFile), readFileSync(join(ws, dependentFile), 'utf8'));
    const first = await c.diagnostics(u(ws, bigFile));
    const indexedBeforeFirst = c.statuses.some((s) => s.state === 'ready');
    const firstDependent = await c.diagnostics(u(ws, dependentFile));
    expect(indexedBeforeFirst, 'the first diagnostics came after the index was complete').toBe(false);
    // the big service's missing-ttl (its client imported from another module) is there at once
    expect(planted(bigFile)).toEqual(planted(bigFile, ['missing-ttl', 'set-after-commit']));
    expect(lines(first)).toEqual(planted(bigFile));
    expect(planted(dependentFile).some((l) => l.startsWith('key-drift'))).toBe(true);
    expect(lines(firstDependent)).toEqual(planted(dependentFile, ['missing-ttl', 'set-after-commit']));

    // the index completes: the server asks for a refresh, and the key-drift arrives
    await c.until(() => c.statuses.some((s) => s.state === 'ready') && c.refreshes > 0, 'the index and a refresh', 90_000);
    expect(lines(await c.diagnostics(u(ws, dependentFile)))).toEqual(planted(dependentFile));
    expect(lines(await c.diagnostics(u(ws, bigFile)))).toEqual(planted(bigFile));
  });
});
