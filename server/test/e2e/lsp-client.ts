// A minimal LSP client over stdio for tests: spawns the bundled server, answers the requests a
// real editor answers (configuration, registrations, refresh, showDocument), keeps documents and
// their versions, applies workspace edits the way editors do (refusing stale versions), and lets a
// test wait for events (published diagnostics, refresh requests) instead of sleeping.
import { spawn, type ChildProcess } from 'node:child_process';
import * as lsp from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Waiters } from '../lsp-waiters';

export interface ClientOptions {
  serverJs: string;
  folders: string[];
  /** advertise pull diagnostics (VS Code) or not (Neovim 0.7) */
  pull: boolean;
  /** the `cachelint` section per scope URI */
  settings?: (scopeUri: string | undefined) => unknown;
  documentChanges?: boolean;
  showDocument?: boolean;
  /** window/showMessageRequest with buttons (VS Code); `answer` picks the button a user would click */
  messageActions?: { answer(p: lsp.ShowMessageRequestParams): lsp.MessageActionItem | null };
  /** snippet edits in documentChanges (VS Code) */
  snippets?: boolean;
}


export class LspClient {
  readonly published = new Map<string, lsp.Diagnostic[]>();
  readonly registrations: lsp.Registration[] = [];
  readonly shownDocuments: lsp.ShowDocumentParams[] = [];
  readonly logs: string[] = [];
  readonly messages: lsp.ShowMessageParams[] = [];
  readonly messageRequests: lsp.ShowMessageRequestParams[] = [];
  /** `cachelint/status` notifications, in order */
  readonly statuses: { state: string; files?: number }[] = [];
  /** `cachelint/coverage` notifications, in order */
  readonly coverages: { folders: { root: string; summary: string[]; notice?: string; coverage: { calls: { total: number } } }[] }[] = [];
  refreshes = 0;
  publishes = 0;
  private readonly docs = new Map<string, TextDocument>();
  private readonly waits = new Waiters(() => `${this.stderr}\n${this.logs.join('\n')}`);
  stderr = '';

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: lsp.ProtocolConnection,
    readonly opts: ClientOptions,
  ) {}

  static async start(opts: ClientOptions): Promise<LspClient> {
    const proc = spawn(process.execPath, [opts.serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(proc.stdout!), new lsp.StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn, opts);
    proc.stderr!.on('data', (d: Buffer) => (client.stderr += d.toString()));
    conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
      client.published.set(p.uri, p.diagnostics);
      client.publishes++;
      client.waits.poke();
    });
    conn.onNotification(lsp.LogMessageNotification.type, (p) => {
      client.logs.push(p.message);
      client.waits.poke();
    });
    conn.onNotification(lsp.ShowMessageNotification.type, (p) => {
      client.messages.push(p);
      client.waits.poke();
    });
    conn.onNotification('cachelint/status', (p: { state: string; files?: number }) => {
      client.statuses.push(p);
      client.waits.poke();
    });
    conn.onNotification('cachelint/coverage', (p: LspClient['coverages'][number]) => {
      client.coverages.push(p);
      client.waits.poke();
    });
    conn.onRequest(lsp.ConfigurationRequest.type, (p) => p.items.map((i) => opts.settings?.(i.scopeUri) ?? null));
    conn.onRequest(lsp.RegistrationRequest.type, (p) => {
      client.registrations.push(...p.registrations);
      client.waits.poke();
    });
    conn.onRequest(lsp.DiagnosticRefreshRequest.type, () => {
      client.refreshes++;
      client.waits.poke();
    });
    conn.onRequest(lsp.ShowDocumentRequest.type, (p) => {
      client.shownDocuments.push(p);
      client.waits.poke();
      return { success: true };
    });
    conn.onRequest(lsp.ShowMessageRequest.type, (p) => {
      client.messageRequests.push(p);
      client.waits.poke();
      return opts.messageActions?.answer(p) ?? null;
    });
    conn.onRequest(lsp.WorkDoneProgressCreateRequest.type, () => undefined);
    conn.listen();
    const capabilities: lsp.ClientCapabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: opts.documentChanges ?? true, snippetEditSupport: opts.snippets },
        diagnostics: opts.pull ? { refreshSupport: true } : undefined,
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        diagnostic: opts.pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
      window: {
        showDocument: { support: opts.showDocument ?? true },
        showMessage: opts.messageActions ? { messageActionItem: { additionalPropertiesSupport: false } } : undefined,
      },
    };
    await conn.sendRequest(lsp.InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: opts.folders.map((f) => ({ uri: uriOf(f), name: f })),
      initializationOptions: { statusNotification: true },
    });
    await conn.sendNotification(lsp.InitializedNotification.type, {});
    return client;
  }

  /** Resolves once the first background index is complete (before, pulls answer with per-file findings only). */
  indexed(timeoutMs = 60_000): Promise<void> {
    return this.until(() => this.statuses.some((s) => s.state === 'ready'), 'the workspace index', timeoutMs);
  }

  /** Resolves when `check` holds; re-checked on every message from the server. */
  until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    return this.waits.until(check, what, timeoutMs);
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.docs.get(uri)!.version;
  }

  async open(uri: string, text: string, languageId = 'typescript'): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full-document change, as some clients send). */
  async change(uri: string, text: string): Promise<void> {
    const doc = this.docs.get(uri)!;
    const next = TextDocument.create(uri, doc.languageId, doc.version + 1, text);
    this.docs.set(uri, next);
    await this.conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: [{ text }],
    });
  }

  async save(uri: string): Promise<void> {
    await this.conn.sendNotification(lsp.DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.conn.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  pull(uri: string, previousResultId?: string): Promise<lsp.DocumentDiagnosticReport> {
    return this.conn.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  /** Full-document diagnostics: pulled (pull mode) or the last published. */
  async diagnostics(uri: string): Promise<lsp.Diagnostic[]> {
    if (!this.opts.pull) return this.published.get(uri) ?? [];
    const r = await this.pull(uri);
    return r.kind === 'full' ? r.items : [];
  }

  codeActions(uri: string, range: lsp.Range, only?: string[]): Promise<(lsp.CodeAction | lsp.Command)[] | null> {
    return this.conn.sendRequest(lsp.CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics: [], only },
    });
  }

  /**
   * Applies a workspace edit to the open documents like an editor: a versioned edit for another
   * version is refused (returns false). Sends the resulting didChange.
   */
  async applyEdit(edit: lsp.WorkspaceEdit): Promise<boolean> {
    const changes: { uri: string; version?: number | null; edits: lsp.TextEdit[] }[] = [];
    for (const dc of edit.documentChanges ?? []) {
      if (!('textDocument' in dc)) return false;
      changes.push({ uri: dc.textDocument.uri, version: dc.textDocument.version, edits: dc.edits as lsp.TextEdit[] });
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) changes.push({ uri, edits });
    for (const c of changes) {
      const doc = this.docs.get(c.uri);
      if (!doc || (c.version != null && c.version !== doc.version)) return false;
    }
    for (const c of changes) await this.change(c.uri, TextDocument.applyEdits(this.docs.get(c.uri)!, c.edits));
    return true;
  }

  async notifyWatched(changes: lsp.FileEvent[]): Promise<void> {
    await this.conn.sendNotification(lsp.DidChangeWatchedFilesNotification.type, { changes });
  }

  async notifyConfiguration(): Promise<void> {
    await this.conn.sendNotification(lsp.DidChangeConfigurationNotification.type, { settings: null });
  }

  /** shutdown + exit; resolves with the exit code once the process is gone. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.proc.exitCode !== null) resolve(this.proc.exitCode);
      else this.proc.once('exit', (code) => resolve(code));
    });
    try {
      await this.conn.sendRequest(lsp.ShutdownRequest.type);
      await this.conn.sendNotification(lsp.ExitNotification.type);
    } catch {
      // already gone
    }
    const code = await exited;
    this.conn.dispose();
    return code;
  }

  kill(): void {
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

export function uriOf(file: string): string {
  return new URL(`file://${file.split('/').map(encodeURIComponent).join('/')}`).href;
}
