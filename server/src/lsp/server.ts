// Wires the LSP protocol to the validator, the workspace index and the pure mappers. Modelled on
// vscode-eslint's eslintServer.ts: pull diagnostics with refresh when the client supports them,
// push otherwise (Neovim 0.7), per-resource settings, versioned code action edits.
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { BASELINE_FILE } from '../engine/baseline';
import { BaselineStore } from './baselines';
import { clientSupport, type ClientSupport } from './capabilities';
import { codeActionsFor, FIX_ALL_KIND, SHOW_DOC_COMMAND } from './code-actions';
import { CONFIG_FILE_REQUEST, registerCommands } from './commands';
import { notifyConfigError } from './config-errors';
import { fileUri } from './diagnostics';
import { headerLines } from './header';
import { COVERAGE_NOTIFICATION, CoverageReporter } from './coverage';
import { KEYS_REQUEST, keysFor, type KeysParams } from './keys';
import { hoverFor } from './hover';
import { SettingsStore, type CachelintSettings } from './settings';
import { Cancelled, pathOf, Validator } from './validator';
import { errorText, Workspace, type WatchedChange } from './workspace';

export const STATUS_NOTIFICATION = 'cachelint/status';
export type ServerState = 'starting' | 'indexing' | 'ready';
export { CONFIG_FILE_REQUEST };

/** Typing pauses shorter than this do not trigger a re-check of the other open documents. */
const DEBOUNCE_MS = 150;
/** The folder coverage (status item, log) waits for a pause this long after the last analysis. */
const COVERAGE_DELAY_MS = 500;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let support: ClientSupport | undefined;
  const folderUris = new Map<string, string>();
  // asks the client only if it can answer; otherwise every resource gets the defaults
  const settings = new SettingsStore((scopeUri) =>
    support?.configuration
      ? (connection.workspace.getConfiguration({ scopeUri, section: 'cachelint' }) as Promise<unknown>)
      : Promise.resolve(undefined),
  );
  const log = (m: string) => connection.console.log(m);
  /** Fire-and-forget messages to the client: a rejection (client gone, capability missing) is logged, never fatal. */
  const quietly = (p: Promise<unknown>) => {
    p.catch((e: unknown) => log(`cachelint: ${errorText(e)}`));
  };
  // The server must outlive any bug in a rule: log and go on (vscode-eslint does the same).
  process.on('uncaughtException', (e) => log(`cachelint: uncaught ${errorText(e)}`));
  process.on('unhandledRejection', (e) => log(`cachelint: unhandled rejection ${errorText(e)}`));
  let state: ServerState = 'starting';
  let lastAnalysisMs = 0;
  /** while indexing: how many files the folders hold (the status item says "indexing 1,509 files…") */
  let indexFiles = 0;
  const sendStatus = () => {
    if (support?.status)
      quietly(connection.sendNotification(STATUS_NOTIFICATION, { state, lastAnalysisMs: Math.round(lastAnalysisMs), files: indexFiles }));
  };
  /** A warning every client shows without answering (see config-errors.ts). */
  const tell = (message: string) => quietly(connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }));
  const baselines = new BaselineStore({ log, warn: tell });
  const coverage = new CoverageReporter({
    log,
    warn: tell,
    notify: (p) => quietly(connection.sendNotification(COVERAGE_NOTIFICATION, p)),
  });

  const workspace: Workspace = new Workspace({
    settingsFor: (file): CachelintSettings | undefined => {
      const uri = validator.uriByFile.get(file);
      const own = uri ? settings.peek(uri) : undefined;
      if (own) return own;
      const root = workspace.folderFor(file).root;
      const folderUri = root === undefined ? undefined : folderUris.get(root);
      return folderUri ? settings.peek(folderUri) : undefined;
    },
    log,
    configError: (e) =>
      notifyConfigError(e, {
        interactive: !!support?.messageActions && !!support.showDocument,
        ask: (m, ...actions) => connection.window.showWarningMessage(m, ...actions),
        tell,
        showDocument: (p) => connection.window.showDocument(p),
        log,
      }),
  });
  const validator: Validator = new Validator({
    documents,
    workspace,
    settings,
    baselines,
    log,
    analysed: (ms) => {
      lastAnalysisMs = ms;
      sendStatus();
    },
  });

  /** the resultId each client-side document holds, to send only what changed */
  const lastSent = new Map<string, string>();
  let syncTimer: NodeJS.Timeout | undefined;
  let syncRun = 0;

  /**
   * Re-checks every open document. Push: publishes those that changed. Pull: asks the client to
   * re-pull when one other than `except` (which the client pulls anyway after its own change) did.
   */
  const syncAll = async (except?: string) => {
    const run = ++syncRun;
    let refresh = false;
    for (const doc of documents.all()) await validator.prepare(doc.uri);
    for (const doc of documents.all()) {
      if (run !== syncRun) return; // a newer sync started: it will do the rest
      try {
        const r = await validator.report(doc.uri);
        if (!r || lastSent.get(doc.uri) === r.resultId) continue;
        if (support?.pull) {
          if (doc.uri !== except) refresh = true;
        } else {
          lastSent.set(doc.uri, r.resultId);
          quietly(connection.sendDiagnostics({ uri: doc.uri, version: r.version, diagnostics: r.diagnostics }));
        }
      } catch (e) {
        if (!(e instanceof Cancelled)) log(`cachelint: ${errorText(e)}`);
      }
    }
    if (refresh && run === syncRun && support?.refresh) quietly(connection.languages.diagnostics.refresh());
    // after each analysis: what it saw (recomputed only for folders whose files changed)
    if (run === syncRun && state === 'ready') scheduleCoverage();
  };
  // The coverage summarises the whole folder (every file's calls, every key's role): a status
  // item and a log line, recomputed once typing pauses rather than between two keystrokes.
  let coverageTimer: NodeJS.Timeout | undefined;
  const scheduleCoverage = () => {
    if (coverageTimer) clearTimeout(coverageTimer);
    coverageTimer = setTimeout(() => {
      coverageTimer = undefined;
      if (state === 'ready') coverage.update(workspace.all());
    }, COVERAGE_DELAY_MS);
    coverageTimer.unref();
  };
  const scheduleSync = (delay: number, except?: string) => {
    if (syncTimer) clearTimeout(syncTimer);
    syncTimer = setTimeout(() => {
      syncTimer = undefined;
      void syncAll(except);
    }, delay);
  };

  /** resolves when the first index of the workspace folders is complete (requests for the whole project wait on it) */
  let firstIndexDone!: () => void;
  const firstIndex = new Promise<void>((resolve) => (firstIndexDone = resolve));
  const indexFolders = async () => {
    state = 'indexing';
    sendStatus();
    // Listing a folder blocks the event loop (a few hundred ms on thousands of files): documents
    // opened with the workspace (restored tabs) get their settings, and so their first
    // diagnostics, before it starts, not after.
    await Promise.all(documents.all().map((d) => settings.get(d.uri)));
    await new Promise((resolve) => setImmediate(resolve));
    const t0 = performance.now();
    const totals = new Map<unknown, number>();
    const progress = (folder: unknown) => (_done: number, total: number) => {
      if (totals.get(folder) === total) return;
      totals.set(folder, total);
      indexFiles = [...totals.values()].reduce((a, b) => a + b, 0);
      sendStatus();
    };
    await Promise.all(workspace.all().map((f) => f.index(progress(f))));
    indexFiles = 0;
    log(`cachelint: indexed ${workspace.all().reduce((n, f) => n + f.analyzer.files().length, 0)} files in ${Math.round(performance.now() - t0)} ms`);
    state = 'ready';
    sendStatus();
    firstIndexDone();
    scheduleSync(0);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    support = clientSupport(params);
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    for (const f of folders) {
      const root = pathOf(f.uri);
      if (!root) continue;
      workspace.add(root);
      folderUris.set(root, f.uri);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        diagnosticProvider: support.pull
          ? { identifier: 'cachelint', interFileDependencies: true, workspaceDiagnostics: false }
          : undefined,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: [SHOW_DOC_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cachelint' },
    };
  });

  connection.onInitialized(async () => {
    if (support?.configurationDynamic)
      quietly(connection.client.register(DidChangeConfigurationNotification.type, { section: 'cachelint' }));
    if (support?.watchedFilesDynamic)
      quietly(
        connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}' },
            { globPattern: '**/.cachelintrc.json' },
            { globPattern: '**/package.json' },
            { globPattern: `**/${BASELINE_FILE}` },
            // where imports lead (model/modules): tsconfig/jsconfig files and workspace manifests
            { globPattern: '**/{tsconfig,jsconfig}*.json' },
            { globPattern: '**/{pnpm-workspace.yaml,lerna.json}' },
          ],
        }),
      );
    if (support?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) {
          const root = pathOf(f.uri);
          if (root) {
            workspace.remove(root);
            folderUris.delete(root);
          }
        }
        const added: Promise<void>[] = [];
        for (const f of e.added) {
          const root = pathOf(f.uri);
          if (!root) continue;
          folderUris.set(root, f.uri);
          workspace.add(root);
          added.push(settings.get(f.uri).then(() => workspace.add(root).index()));
        }
        // open documents move to the folder that now holds them
        for (const doc of documents.all()) validator.open(doc);
        quietly(Promise.all(added).then(() => scheduleSync(0)));
      });
    }
    for (const line of headerLines(
      version,
      process.version,
      [...folderUris.keys()].map((root) => ({ root, config: workspace.folderFor(root).governingConfig(), baseline: baselines.fileFor(root) })),
    ))
      log(line);
    // folder settings first: background files are analysed with the folder's rule overrides
    await Promise.all([...folderUris.values()].map((u) => settings.get(u)));
    await indexFolders();
  });

  /** TextDocuments fires didChangeContent right after didOpen: that one is not an edit */
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    validator.open(e.document);
    justOpened.add(e.document.uri);
    // pull: the client pulls the new document itself; the others may change (its keys count now)
    scheduleSync(0, support?.pull ? e.document.uri : undefined);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    // onSave documents keep their saved text in the analysis; the check below then finds nothing new
    scheduleSync(DEBOUNCE_MS, e.document.uri);
  });
  documents.onDidSave(async (e) => {
    const s = await settings.get(e.document.uri);
    if (s.run === 'onSave') validator.saved(e.document);
    // the client does not pull on save: refresh everything, this document included
    scheduleSync(0);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    justOpened.delete(uri);
    settings.clear(uri);
    validator.close(uri);
    lastSent.delete(uri);
    if (!support?.pull) quietly(connection.sendDiagnostics({ uri, diagnostics: [] }));
    scheduleSync(0);
  });

  connection.onDidChangeConfiguration(async () => {
    settings.clear();
    // severities and the default TTL live in configFor: every folder's results are stale
    for (const f of workspace.all()) f.generation++;
    await Promise.all([...folderUris.values()].map((u) => settings.get(u)));
    scheduleSync(0);
  });

  connection.onDidChangeWatchedFiles((params) => {
    const byFolder = new Map<ReturnType<Workspace['folderFor']>, WatchedChange[]>();
    let baselineChanged = false;
    for (const c of params.changes) {
      const file = pathOf(c.uri);
      if (!file) continue;
      if (file.endsWith(`/${BASELINE_FILE}`) || file.endsWith(`\\${BASELINE_FILE}`)) {
        baselineChanged = true;
        continue;
      }
      const type = c.type === FileChangeType.Created ? 'created' : c.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      const folder = workspace.folderFor(file);
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), { file, type }]);
    }
    let changed = baselineChanged;
    if (baselineChanged) {
      baselines.clear();
      log('cachelint: baseline reloaded (cachelint-baseline.json changed)');
    }
    for (const [folder, changes] of byFolder) if (folder.applyChanges(changes)) changed = true;
    if (changed) scheduleSync(0);
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    let r;
    try {
      r = await validator.report(uri, token);
    } catch (e) {
      // only the client's $/cancelRequest cancels: RequestCancelled (LSP spec), not ServerCancelled,
      // whose retriggerRequest would ask the client to pull again what it just gave up on
      if (e instanceof Cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      log(`cachelint: ${errorText(e)}`);
      r = undefined;
    }
    if (!r) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    lastSent.set(uri, r.resultId);
    if (params.previousResultId === r.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: r.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: r.resultId, items: r.diagnostics };
  });

  connection.onCodeAction(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const file = pathOf(params.textDocument.uri);
    if (!doc || !file) return [];
    try {
      const r = await validator.report(doc.uri, token);
      const now = documents.get(doc.uri);
      if (!r || !now) return [];
      return codeActionsFor({
        uri: doc.uri,
        file,
        version: now.version,
        computed: r,
        range: params.range,
        only: params.context.only,
        documentChanges: !!support?.documentChanges,
        snippets: !!support?.snippets,
      });
    } catch (e) {
      if (!(e instanceof Cancelled)) log(`cachelint: code actions failed: ${errorText(e)}`);
      return [];
    }
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const file = pathOf(params.textDocument.uri);
    if (!doc || !file) return null;
    try {
      const r = await validator.report(doc.uri);
      const folder = workspace.folderFor(file);
      // onSave with unsaved edits: the analysed text is not the buffer, positions would not match
      if (!r || r.key === '' || folder.analyzer.textOf(file) !== doc.getText()) return null;
      return hoverFor(folder.analyzer.project(), file, doc.offsetAt(params.position), {
        findings: r.findings,
        root: folder.root,
        uriOf: (f) => validator.uriByFile.get(f) ?? fileUri(f),
      }) ?? null;
    } catch (e) {
      log(`cachelint: hover failed: ${errorText(e)}`);
      return null;
    }
  });

  registerCommands(connection, { workspace, support: () => support });
  connection.onRequest(KEYS_REQUEST, (params: KeysParams | undefined) =>
    firstIndex.then(() => keysFor(params, { workspace, version, uriOf: (f) => validator.uriByFile.get(f) ?? fileUri(f) })),
  );

  documents.listen(connection);
  connection.listen();
}
