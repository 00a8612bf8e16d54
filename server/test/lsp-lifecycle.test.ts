// The bundled language server's lifecycle over the real protocol: it exits when the client goes
// away (stdin closed, or the client process dies: the `processId` watchdog), exits 0 after
// shutdown + exit and 1 on exit alone (LSP spec), honours $/cancelRequest (also while indexing a
// big workspace, without wedging), and a server started again on the same workspace reports again.
// No server process may outlive the file. Waits are on protocol events or on the pid disappearing.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lsp from 'vscode-languageserver-protocol/node';
import { REPO } from './e2e/build';
import { uriOf } from './e2e/lsp-client';
import { privateBundles } from './lsp-fuzz/bundles';
import { lspLines } from './lsp-fuzz/compare';
import { isAlive, processesMentioning, Session, waitGone, type SessionOptions } from './lsp-fuzz/session';

let serverJs: string;
/** the sample app, with a .git so config lookups stop there */
let ws: string;
const cleanup: string[] = [];
const sessions: Session[] = [];

const USERS = 'src/users/users.service.ts';

beforeAll(async () => {
  const bundles = await privateBundles();
  serverJs = bundles.server;
  cleanup.push(bundles.dir);
  ws = mkdtempSync(join(tmpdir(), 'cachelint-life-'));
  cleanup.push(ws);
  mkdirSync(join(ws, '.git'));
  cpSync(join(REPO, 'test-fixtures/sample-app'), ws, { recursive: true });
});

afterAll(async () => {
  // a failed test may leave its server running: end it (by pid) before removing its files
  for (const s of sessions) {
    s.kill();
    await waitGone(s.serverPid, 5000);
  }
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

async function start(opts: Partial<SessionOptions> = {}): Promise<Session> {
  const s = await Session.start({ serverJs, folders: [ws], ...opts });
  sessions.push(s);
  return s;
}

/** The sample app's users service, opened with its disk text; its diagnostics pulled once the workspace is indexed. */
async function openUsers(s: Session): Promise<{ uri: string; items: lsp.Diagnostic[] }> {
  const uri = uriOf(join(ws, USERS));
  await s.open(uri, readFileSync(join(ws, USERS), 'utf8'));
  // before, a pull answers with the file's own findings only (the cross-file ones follow)
  await s.until(() => s.states.includes('ready'), 'the workspace index');
  const r = await s.pull(uri);
  return { uri, items: r.kind === 'full' ? r.items : [] };
}

/** Resolves with the exit code, or rejects when the process is still there after `ms`. */
function exitWithin(s: Session, ms: number, exited = s.exited()): Promise<number | null> {
  return Promise.race([
    exited,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`server ${s.serverPid} still running after ${ms} ms`)), ms).unref()),
  ]);
}

/** The outcome of a cancelled request: a result, or RequestCancelled (LSP spec); anything else throws. */
async function outcome(p: Promise<unknown>): Promise<'result' | 'cancelled'> {
  try {
    await p;
    return 'result';
  } catch (e) {
    if (e instanceof lsp.ResponseError && e.code === lsp.LSPErrorCodes.RequestCancelled) return 'cancelled';
    throw e;
  }
}

describe('the client goes away', () => {
  it('exits when stdin closes', async () => {
    const s = await start();
    expect((await openUsers(s)).items.length).toBeGreaterThan(0);
    s.input.end();
    // no shutdown came first: 1, as for `exit` alone
    expect(await exitWithin(s, 5000)).toBe(1);
    expect(isAlive(s.serverPid)).toBe(false);
  });

  it('exits when the client process dies (processId watchdog), with its stdin still open', async () => {
    // the intermediate is the "editor": the server's parent, named in initialize's processId
    const s = await start({ viaIntermediate: true });
    expect(s.serverPid).not.toBe(s.proc.pid);
    expect((await openUsers(s)).items.length).toBeGreaterThan(0);
    const t0 = Date.now();
    process.kill(s.proc.pid!, 'SIGKILL');
    // vscode-languageserver checks the parent every 3 s
    expect(await waitGone(s.serverPid, 8000), `server ${s.serverPid} outlived its client`).toBe(true);
    console.log(`server gone ${Date.now() - t0} ms after its client was killed`);
  });
});

describe('shutdown and exit (LSP spec)', () => {
  it('exits with 0 after shutdown + exit', async () => {
    const s = await start();
    await openUsers(s);
    expect(await exitWithin(s, 5000, s.stop())).toBe(0);
  });

  it('exits with 1 on exit without shutdown', async () => {
    const s = await start();
    await openUsers(s);
    await s.conn.sendNotification(lsp.ExitNotification.type);
    expect(await exitWithin(s, 5000)).toBe(1);
  });
});

describe('cancellation', () => {
  it('answers a request cancelled right after it was sent with RequestCancelled or a result, and goes on', async () => {
    const s = await start();
    const { uri, items } = await openUsers(s);
    expect(items.length).toBeGreaterThan(0);
    const outcomes: ('result' | 'cancelled')[] = [];
    for (let i = 0; i < 20; i++) {
      // an edit first, so there is analysis to cancel
      await s.change(uri, i + 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: i % 2 ? '//\n' : '' }]);
      const pull = new lsp.CancellationTokenSource();
      const actions = new lsp.CancellationTokenSource();
      const p = outcome(s.pull(uri, pull.token));
      pull.cancel();
      const a = outcome(s.codeActions(uri, items[0].range, actions.token));
      actions.cancel();
      outcomes.push(await p, await a);
    }
    console.log(`cancelled requests answered: ${outcomes.filter((o) => o === 'cancelled').length} cancelled, ${outcomes.filter((o) => o === 'result').length} with a result`);
    expect(outcomes).toHaveLength(40);
    // the cancellation reached the server: not every answer is a result
    expect(outcomes).toContain('cancelled');
    expect(s.stats.errors).toEqual([]);
    // not wedged: an uncancelled pull reports the same findings, shifted by the comment lines added
    const r = await s.pull(uri);
    expect(r.kind === 'full' ? r.items.map((d) => d.code) : []).toEqual(items.map((d) => d.code));
    expect(isAlive(s.serverPid)).toBe(true);
  });

  it('cancelling pulls while a big workspace is indexed answers them at once and does not wedge the server', { timeout: 120_000 }, async () => {
    const big = bigWorkspace(600);
    const s = await start({ folders: [big] });
    const writer = uriOf(join(big, 'a/writer.ts'));
    await s.open(writer, WRITER);
    const answers: { outcome: 'result' | 'cancelled'; indexed: boolean }[] = [];
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 5; i++) {
      const cts = new lsp.CancellationTokenSource();
      pending.push(outcome(s.pull(writer, cts.token)).then((o) => void answers.push({ outcome: o, indexed: s.states.includes('ready') })));
      cts.cancel();
      const cta = new lsp.CancellationTokenSource();
      pending.push(outcome(s.codeActions(writer, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, cta.token)).then((o) => void answers.push({ outcome: o, indexed: s.states.includes('ready') })));
      cta.cancel();
    }
    await Promise.all(pending);
    expect(s.stats.errors).toEqual([]);
    // the cancelled pulls did not wait for the index
    expect(answers.some((a) => a.outcome === 'cancelled' && !a.indexed), JSON.stringify(answers)).toBe(true);
    // the drift needs zz/reader.ts, indexed last: once the index is complete the answer covers the
    // whole workspace (a pull before it answers with the writer's own findings: none)
    await s.until(() => s.states.includes('ready'), 'the workspace index', 60_000);
    const r = await s.pull(writer);
    expect(r.kind === 'full' ? r.items.map((d) => d.code) : []).toEqual(['key-drift']);
    console.log(s.logs.find((l) => /indexed \d+ files/.test(l)));
  });
});

describe('restart', () => {
  it('a server killed and started again on the same workspace reports the same diagnostics', async () => {
    const first = await start();
    const before = await openUsers(first);
    expect(before.items.length).toBeGreaterThan(0);
    first.kill();
    expect(await waitGone(first.serverPid, 5000)).toBe(true);
    const second = await start();
    const after = await openUsers(second);
    expect(lspLines(after.items)).toEqual(lspLines(before.items));
    expect(await exitWithin(second, 5000, second.stop())).toBe(0);
  });
});

describe('no orphans', () => {
  it('leaves no server process behind', async () => {
    // the servers still up (cancellation tests) end the way an editor ends them
    for (const s of sessions) {
      if (!isAlive(s.serverPid)) continue;
      expect(await exitWithin(s, 5000, s.stop())).toBe(0);
    }
    for (const s of sessions) {
      expect(await waitGone(s.serverPid, 5000), `server ${s.serverPid}`).toBe(true);
      expect(await waitGone(s.proc.pid!, 5000), `process ${s.proc.pid}`).toBe(true);
    }
    // `ps`, scoped to this file's private copy of the bundle: nothing else may still run it
    expect(processesMentioning(serverJs)).toEqual([]);
  });
});

const WRITER = "import { redis } from '../redis';\n\nexport async function drop(id: string) {\n  await redis.del(`user:v1:${id}`);\n}\n";

/**
 * `n` modules with cache code, a shared client, and a reader listed after all of them. The modules
 * share 20 key shapes, as the modules of a real service do (key-drift compares distinct shapes
 * pairwise: 1,500 files with a shape each take it 47 s, see the report).
 */
function bigWorkspace(n: number): string {
  const root = mkdtempSync(join(tmpdir(), 'cachelint-big-'));
  cleanup.push(root);
  mkdirSync(join(root, '.git'));
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  write('redis.ts', "import Redis from 'ioredis';\nexport const redis = new Redis();\n");
  write('a/writer.ts', WRITER);
  for (let i = 0; i < n; i++) {
    const fns = Array.from({ length: 6 }, (_, j) =>
      [
        `export async function load${j}(id: string) {`,
        `  const hit = await redis.get(\`item${(i + j) % 20}:\${id}\`);`,
        '  if (hit) return JSON.parse(hit);',
        `  const row = { id, n: ${i * 10 + j} };`,
        `  await redis.set(\`item${(i + j) % 20}:\${id}\`, JSON.stringify(row), 'EX', 60);`,
        '  return row;',
        '}',
      ].join('\n'),
    );
    write(`m${i % 50}/file${i}.ts`, `import { redis } from '../redis';\n\n${fns.join('\n\n')}\n`);
  }
  write('zz/reader.ts', "import { redis } from '../redis';\nexport async function load(id: string) {\n  return redis.get(`user:v2:${id}`);\n}\n");
  return root;
}
