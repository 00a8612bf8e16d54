#!/usr/bin/env node
// Editor latency through the real protocol: starts `dist/server.js --stdio`, speaks LSP to it the
// way VS Code does (pull diagnostics and refresh when the server offers them, else waits for
// publishDiagnostics), opens the generated workspace's ~1,000-line service, types 200 one-character
// edits (each sent when the previous version's diagnostics arrived) and times each didChange until
// that version's diagnostics; then edits a key builder in one open file and times until another
// open file's key-drift diagnostics reflect it. Every diagnostics answer is checked against the
// planted findings of that file. firstDiagnosticBench times open → first diagnostic on fresh
// servers, while the workspace is still being indexed.
//
//   node bench/lsp-edits.mjs <workspace> [--edits 200]   → prints the result as JSON
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readProcStatus } from './proc.mjs';

const require = createRequire(import.meta.url);
const lsp = require('vscode-languageserver-protocol/node');

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const SERVER_JS = join(HERE, '..', 'dist', 'server.js');
const TIMEOUT_MS = 120_000;

/** The p-th percentile (0–100) of `xs`, nearest rank. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const median = (xs) => percentile(xs, 50);

function withTimeout(promise, what, ms = TIMEOUT_MS) {
  let t;
  return Promise.race([promise, new Promise((_, reject) => (t = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)))]).finally(() => clearTimeout(t));
}

/** A minimal editor: documents with versions, pull or push diagnostics, refresh events. */
class Client {
  constructor(proc, conn) {
    this.proc = proc;
    this.conn = conn;
    this.pull = false;
    this.refreshes = 0;
    this.published = new Map();
    this.state = undefined;
    this.waiters = [];
    this.versions = new Map();
    this.stderr = '';
  }

  poke() {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) {
      if (w.check()) w.resolve();
      else this.waiters.push(w);
    }
  }

  until(check, what) {
    if (check()) return Promise.resolve();
    return withTimeout(new Promise((resolve) => this.waiters.push({ check, resolve })), what);
  }

  open(uri, text) {
    this.versions.set(uri, 1);
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
  }

  /** Sends one incremental change; returns the new version. */
  change(uri, range, text) {
    const version = this.versions.get(uri) + 1;
    this.versions.set(uri, version);
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** The document's diagnostics for `version`: pulled, or the matching publish. */
  async diagnostics(uri, version) {
    if (this.pull) {
      const r = await withTimeout(this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), `diagnostics of ${uri}`);
      return r.kind === 'full' ? r.items : [];
    }
    await this.until(() => this.published.get(uri)?.version >= version, `published diagnostics of ${uri} v${version}`);
    return this.published.get(uri).diagnostics;
  }
}

async function startClient(serverJs, ws) {
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(proc.stdout), new lsp.StreamMessageWriter(proc.stdin));
  const c = new Client(proc, conn);
  proc.stderr.on('data', (d) => (c.stderr += d.toString()));
  proc.on('exit', () => c.poke());
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ enable: true, run: 'onType', rules: {}, debounceMs: 0 })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => {
    c.refreshes++;
    c.poke();
    return null;
  });
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    c.published.set(p.uri, { version: p.version ?? Infinity, diagnostics: p.diagnostics });
    c.poke();
  });
  conn.onNotification('cachelint/status', (p) => {
    c.state = p.state;
    c.poke();
  });
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  return c;
}

const uriOf = (p) => pathToFileURL(p).href;
const linesOf = (ds) => ds.map((d) => `${d.code} ${d.range.start.line + 1}`).sort();
const expectedLines = (expected, file) => expected.findings.filter((f) => f.file === file).map((f) => `${f.rule} ${f.line}`).sort();
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Runs the session; resolves with the figures. Rejects when the server is missing or broken;
 * `mismatches` lists every diagnostics answer that was not exactly the planted findings.
 */
export async function lspBench(ws, { serverJs = SERVER_JS, edits = 200 } = {}) {
  const root = resolve(ws);
  const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8'));
  const { bigFile, keysFile, keysLine, keysColumn, keysFrom, keysTo, dependentFile, dependentLine } = expected.lsp;
  const c = await startClient(serverJs, root);
  const mismatches = [];
  try {
    const t0 = performance.now();
    const init = await withTimeout(
      c.conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: uriOf(root),
        workspaceFolders: [{ uri: uriOf(root), name: 'bench' }],
        capabilities: {
          textDocument: {
            synchronization: { didSave: true },
            diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
            publishDiagnostics: { versionSupport: true, relatedInformation: true },
          },
          workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
        },
        // debounceMs: asks for no debounce, for servers that let a client choose
        initializationOptions: { statusNotification: true, debounceMs: 0 },
      }),
      'initialize',
    );
    c.pull = !!init.capabilities.diagnosticProvider;
    const sync = init.capabilities.textDocumentSync;
    const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
    if (!incremental) throw new Error('the server does not declare incremental sync (the benchmark sends incremental changes)');
    c.conn.sendNotification('initialized', {});
    // the status notification says when the background index is complete; a server without it
    // answers the first pull once indexed
    let statusSupported = true;
    await c.until(() => c.state === 'ready' || c.proc.exitCode !== null, 'the workspace index').catch(() => (statusSupported = false));
    if (c.proc.exitCode !== null) throw new Error(`the server exited (${c.proc.exitCode}): ${c.stderr.slice(-500)}`);

    // ---- open the long file ----
    const check = async (file, version, want, what) => {
      const got = linesOf(await c.diagnostics(uriOf(join(root, file)), version));
      if (!same(got, want)) mismatches.push({ what, file, version, expected: want, got });
      return got;
    };
    const openChecked = async (file) => {
      const text = readFileSync(join(root, file), 'utf8');
      c.open(uriOf(join(root, file)), text);
      await check(file, 1, expectedLines(expected, file), 'after open');
      return text;
    };
    const bigText = await openChecked(bigFile);
    const indexedMs = performance.now() - t0;
    const rssAfterOpen = readProcStatus(c.proc.pid);

    // ---- one-character edits in the long file (the only open document) ----
    const bigUri = uriOf(join(root, bigFile));
    const bigWant = expectedLines(expected, bigFile);
    const bigLines = bigText.split('\n').length;
    const latencies = [];
    for (let i = 0; i < edits; i++) {
      // a space at the start of a different line each time: findings keep their lines
      const line = 5 + ((i * 37) % (bigLines - 10));
      const pos = { line, character: 0 };
      const t = performance.now();
      const version = c.change(bigUri, { start: pos, end: pos }, ' ');
      await check(bigFile, version, bigWant, `edit ${i + 1}`);
      latencies.push(performance.now() - t);
    }

    // ---- a key builder changes in one open file; another open file's key-drift follows ----
    await openChecked(keysFile);
    await openChecked(dependentFile);
    const keysUri = uriOf(join(root, keysFile));
    const depUri = uriOf(join(root, dependentFile));
    const drift = `key-drift ${dependentLine}`;
    const depBase = expectedLines(expected, dependentFile);
    const range = { start: { line: keysLine - 1, character: keysColumn }, end: { line: keysLine - 1, character: keysColumn + keysFrom.length } };
    const crossFile = [];
    let current = keysFrom;
    for (let trial = 0; trial < 6; trial++) {
      const next = current === keysFrom ? keysTo : keysFrom;
      const want = next === keysTo ? [...depBase, drift].sort() : depBase;
      const seen = c.refreshes;
      const t = performance.now();
      const version = c.change(keysUri, range, next);
      current = next;
      // an editor pulls the changed document at once…
      await c.diagnostics(keysUri, version);
      let got;
      if (!c.pull) {
        await c.until(() => same(linesOf(c.published.get(depUri)?.diagnostics ?? []), want), 'the dependent file to reflect the key change');
        got = want;
      } else {
        // …and the others when the server asks it to (workspace/diagnostic/refresh)
        for (let r = seen; ; r = c.refreshes) {
          await c.until(() => c.refreshes > r, 'a diagnostics refresh after the key change');
          got = linesOf(await c.diagnostics(depUri));
          if (same(got, want)) break;
        }
      }
      crossFile.push(performance.now() - t);
      // let the server's own re-check of the other documents finish before the next trial
      await new Promise((r) => setTimeout(r, 400));
    }

    const rssEnd = readProcStatus(c.proc.pid);
    return {
      pull: c.pull,
      statusNotification: statusSupported,
      files: expected.files,
      bigFile,
      bigFileLines: bigLines,
      edits,
      editMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), mean: latencies.reduce((a, b) => a + b, 0) / latencies.length, samples: latencies.map((x) => Math.round(x * 10) / 10) },
      crossFileMs: { median: median(crossFile), max: Math.max(...crossFile), samples: crossFile },
      readyMs: indexedMs,
      rssAfterOpenKB: rssAfterOpen.VmRSS,
      peakRssKB: rssEnd.VmHWM,
      mismatches,
    };
  } finally {
    await shutdown(c);
  }
}

/** The rules whose findings a file gets before the workspace is indexed (the per-file checks). */
const PER_FILE_RULES = ['set-after-commit', 'missing-ttl'];

/**
 * Open → first diagnostic: a fresh server per sample, the long file opened right after
 * `initialized` (as an editor restoring its tabs does), and the time from that didOpen to the
 * first diagnostics answer that holds the file's per-file planted findings, pulled at once and
 * again on each refresh. Each sample also says whether the index was already complete then.
 */
export async function firstDiagnosticBench(ws, { serverJs = SERVER_JS, samples = 10 } = {}) {
  const root = resolve(ws);
  const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8'));
  const file = expected.lsp.bigFile;
  const text = readFileSync(join(root, file), 'utf8');
  const uri = uriOf(join(root, file));
  const want = expected.findings.filter((f) => f.file === file && PER_FILE_RULES.includes(f.rule)).map((f) => `${f.rule} ${f.line}`).sort();
  if (want.length === 0) throw new Error(`${file} has no per-file planted finding to wait for`);
  const times = [];
  let beforeIndex = 0;
  const mismatches = [];
  for (let i = 0; i < samples; i++) {
    const c = await startClient(serverJs, root);
    try {
      const init = await withTimeout(
        c.conn.sendRequest('initialize', {
          processId: process.pid,
          rootUri: uriOf(root),
          workspaceFolders: [{ uri: uriOf(root), name: 'bench' }],
          capabilities: {
            textDocument: { synchronization: { didSave: true }, diagnostic: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } },
            workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
          },
          initializationOptions: { statusNotification: true },
        }),
        'initialize',
      );
      c.pull = !!init.capabilities.diagnosticProvider;
      c.conn.sendNotification('initialized', {});
      const t = performance.now();
      c.open(uri, text);
      const complete = (lines) => want.every((w) => lines.includes(w));
      let got = [];
      if (!c.pull) {
        await c.until(() => complete(linesOf(c.published.get(uri)?.diagnostics ?? [])), 'published first findings');
        got = linesOf(c.published.get(uri).diagnostics);
      } else
        for (;;) {
          const seen = c.refreshes;
          got = linesOf(await c.diagnostics(uri, 1));
          if (complete(got)) break;
          await c.until(() => c.refreshes > seen, 'a refresh with the first findings');
        }
      times.push(performance.now() - t);
      if (c.state !== 'ready') beforeIndex++;
      const extra = got.filter((g) => !expectedLines(expected, file).includes(g));
      if (extra.length > 0) mismatches.push({ what: `first diagnostics, sample ${i + 1}`, file, expected: want, got });
    } finally {
      await shutdown(c);
    }
  }
  return { file, samples, ms: { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), samples: times }, beforeIndex, mismatches };
}

async function shutdown(c) {
  if (c.proc.exitCode === null) {
    try {
      await withTimeout(c.conn.sendRequest('shutdown'), 'shutdown', 5000);
      c.conn.sendNotification('exit');
    } catch {
      // a server that does not answer is stopped below
    }
    await withTimeout(new Promise((r) => (c.proc.exitCode !== null ? r() : c.proc.once('exit', r))), 'exit', 5000).catch(() => c.proc.kill('SIGKILL'));
  }
  c.conn.dispose();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({ options: { edits: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) {
    console.error('usage: node bench/lsp-edits.mjs <workspace> [--edits 200]');
    process.exit(2);
  }
  const r = await lspBench(positionals[0], { edits: Number(values.edits ?? 200) });
  process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  process.exitCode = r.mismatches.length > 0 ? 1 : 0;
}
