// A bare LSP session over stdio for the reliability tests: unlike e2e/lsp-client.ts it hands back
// the InitializeResult (the fuzz uses the sync kind the server declares), lets the test choose the
// `processId` it announces and start the server through an intermediate process (parent-death
// tests), and counts every request and every error response. Waits are on protocol events.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import * as lsp from 'vscode-languageserver-protocol/node';
import { uriOf } from '../e2e/lsp-client';
import { Waiters } from '../lsp-waiters';

export interface SessionOptions {
  serverJs: string;
  folders: string[];
  /** advertise pull diagnostics with refresh (VS Code); false: push only (Neovim 0.7) */
  pull?: boolean;
  /**
   * Spawn `node -e <relay>` which spawns the server with the same stdio: the test talks to the
   * server directly, and the server's parent is a process the test can kill.
   */
  viaIntermediate?: boolean;
  /** `processId` in the initialize params; default: the server's parent */
  processId?: number | null;
  /** extra environment for the server (NODE_OPTIONS for a heap snapshot signal, say) */
  env?: NodeJS.ProcessEnv;
}

/** Error codes that mean "asked to stop" or "the text moved on", not a failure. */
export const BENIGN_ERRORS: ReadonlySet<number> = new Set([
  lsp.LSPErrorCodes.RequestCancelled,
  lsp.LSPErrorCodes.ContentModified,
  lsp.LSPErrorCodes.ServerCancelled,
]);

// The intermediate: runs the server with its fds 4 and 5 as the server's stdin and stdout (the
// test's pipes reach the server directly), reports the server's pid on fd 3 and idles until
// killed. Not fd 0: Node closes a child's stdin stream when the child exits, and the server would
// then see its stdin end instead of its parent die.
const RELAY = `
const { spawn } = require('node:child_process');
const { writeSync } = require('node:fs');
const c = spawn(process.execPath, [process.argv[1], '--stdio'], { stdio: [4, 5, 2] });
writeSync(3, c.pid + '\\n');
setInterval(() => {}, 1 << 30);
`;


export class Session {
  readonly logs: string[] = [];
  readonly published = new Map<string, lsp.Diagnostic[]>();
  refreshes = 0;
  /** `cachelint/status` notifications: starting, indexing, ready */
  readonly states: string[] = [];
  stderr = '';
  /** requests sent / answered with a result / answered with a benign error / other errors */
  readonly stats = { sent: 0, answered: 0, benign: 0, errors: [] as string[] };
  /** called on every workspace/diagnostic/refresh, after it is counted */
  onRefresh: () => void = () => {};
  private readonly waits = new Waiters(() => `${this.stderr}\n${this.logs.join('\n')}`);

  private constructor(
    /** the spawned process: the server, or the intermediate */
    readonly proc: ChildProcess,
    /** the server's stdin, as the test holds it */
    readonly input: Writable,
    readonly serverPid: number,
    readonly conn: lsp.ProtocolConnection,
    readonly opts: SessionOptions,
  ) {}

  init!: lsp.InitializeResult;

  static async start(opts: SessionOptions): Promise<Session> {
    let proc: ChildProcess;
    let serverPid: number;
    let input: Writable;
    let output: Readable;
    const env = opts.env ? { ...process.env, ...opts.env } : process.env;
    if (opts.viaIntermediate) {
      proc = spawn(process.execPath, ['-e', RELAY, opts.serverJs], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe', 'pipe'], env });
      serverPid = Number(await firstLine(proc.stdio[3] as Readable));
      const fds = proc.stdio as unknown as (Readable & Writable)[];
      input = fds[4];
      output = fds[5];
    } else {
      proc = spawn(process.execPath, [opts.serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
      serverPid = proc.pid!;
      input = proc.stdin!;
      output = proc.stdout!;
    }
    const conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(output), new lsp.StreamMessageWriter(input));
    const s = new Session(proc, input, serverPid, conn, opts);
    proc.stderr!.on('data', (d: Buffer) => (s.stderr += d.toString()));
    // a server that dies mid-write must not crash the test process with EPIPE
    input.on('error', () => {});
    conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
      s.published.set(p.uri, p.diagnostics);
      s.waits.poke();
    });
    conn.onNotification(lsp.LogMessageNotification.type, (p) => {
      s.logs.push(p.message);
      s.waits.poke();
    });
    conn.onNotification(lsp.ShowMessageNotification.type, (p) => {
      s.logs.push(`showMessage: ${p.message}`);
    });
    conn.onNotification('cachelint/status', (p: { state: string }) => {
      s.states.push(p.state);
      s.waits.poke();
    });
    conn.onRequest(lsp.ConfigurationRequest.type, (p) => p.items.map(() => null));
    conn.onRequest(lsp.RegistrationRequest.type, () => undefined);
    conn.onRequest(lsp.DiagnosticRefreshRequest.type, () => {
      s.refreshes++;
      s.onRefresh();
      s.waits.poke();
    });
    conn.onRequest(lsp.WorkDoneProgressCreateRequest.type, () => undefined);
    conn.onClose(() => s.waits.poke());
    conn.listen();
    const pull = opts.pull ?? true;
    const capabilities: lsp.ClientCapabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
        diagnostics: pull ? { refreshSupport: true } : undefined,
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        diagnostic: pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    };
    const params: lsp.InitializeParams = {
      processId: opts.processId === undefined ? (opts.viaIntermediate ? proc.pid! : process.pid) : opts.processId,
      rootUri: null,
      capabilities,
      workspaceFolders: opts.folders.map((f) => ({ uri: uriOf(f), name: f })),
      initializationOptions: { statusNotification: true },
    };
    s.init = await s.track('initialize', conn.sendRequest(lsp.InitializeRequest.type, params));
    await conn.sendNotification(lsp.InitializedNotification.type, {});
    return s;
  }

  /** Counts a sent request and sorts its outcome into `stats`; rejects on any error, benign or not. */
  async track<R>(method: string, sent: Promise<R>): Promise<R> {
    this.stats.sent++;
    try {
      const r = await sent;
      this.stats.answered++;
      return r;
    } catch (e) {
      if (e instanceof lsp.ResponseError && BENIGN_ERRORS.has(e.code)) this.stats.benign++;
      else this.stats.errors.push(`${method}: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }

  pull(uri: string, token?: lsp.CancellationToken): Promise<lsp.DocumentDiagnosticReport> {
    return this.track('pull', this.conn.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } }, token));
  }

  codeActions(uri: string, range: lsp.Range, token?: lsp.CancellationToken): Promise<(lsp.CodeAction | lsp.Command)[] | null> {
    const params: lsp.CodeActionParams = { textDocument: { uri }, range, context: { diagnostics: [] } };
    return this.track('codeAction', this.conn.sendRequest(lsp.CodeActionRequest.type, params, token));
  }

  hover(uri: string, position: lsp.Position): Promise<lsp.Hover | null> {
    return this.track('hover', this.conn.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position }));
  }

  /** `shutdown` then `exit`, as an editor closes; resolves with the exit code. */
  async stop(): Promise<number | null> {
    const exited = this.exited();
    await this.track('shutdown', this.conn.sendRequest(lsp.ShutdownRequest.type));
    await this.conn.sendNotification(lsp.ExitNotification.type);
    return exited;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version, text } });
  }

  async change(uri: string, version: number, contentChanges: lsp.TextDocumentContentChangeEvent[]): Promise<void> {
    await this.conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  /** Resolves when `check` holds; re-checked on every message from the server. */
  /** Resolves once the server reported its first background index complete (before, pulls answer with per-file findings only). */
  indexed(timeoutMs = 60_000): Promise<void> {
    return this.until(() => this.states.includes('ready'), 'the workspace index', timeoutMs);
  }

  until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    return this.waits.until(check, what, timeoutMs);
  }

  /** The exit code of the spawned process once it exits (null when killed by a signal). */
  exited(): Promise<number | null> {
    return new Promise((resolve) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) resolve(this.proc.exitCode);
      else this.proc.once('exit', (code) => resolve(code));
    });
  }

  /** Kills what this session spawned (the server, and the intermediate if any), by pid. */
  kill(): void {
    for (const pid of new Set([this.serverPid, this.proc.pid!]))
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    this.conn.dispose();
  }
}

/** Whether `pid` runs. A zombie (exited, not yet reaped by a parent that died) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S ...": the state follows the last ')'
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Polls until `pid` is gone; false when it still runs after `timeoutMs`. */
export async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Resident set size of a process in kB (`VmRSS` of /proc/<pid>/status). */
export function rssKb(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]);
}

/** Live processes whose command line mentions `needle` (a test's private server copy): `ps`, scoped. */
export function processesMentioning(needle: string): number[] {
  const out: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(needle) && isAlive(Number(e))) out.push(Number(e));
    } catch {
      // exited while listing
    }
  }
  return out;
}

function firstLine(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    stream.on('data', (d: Buffer) => {
      buf += d.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl));
    });
    stream.once('end', () => reject(new Error('the intermediate exited before reporting the server pid')));
  });
}
