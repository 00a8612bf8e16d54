// The VS Code side: starts the bundled language server and adds what only the editor can show (a
// language status item, commands). Everything about findings lives in the server, so Neovim and
// any other LSP client get the same diagnostics and fixes.
import * as path from 'node:path';
import {
  commands,
  languages,
  LanguageStatusSeverity,
  Range,
  window,
  workspace,
  type CodeAction,
  type ExtensionContext,
  type LanguageStatusItem,
} from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
const FIX_ALL_KIND = 'source.fixAll.cachelint';

interface Status {
  /** the server's own states, plus `stopped` when the client lost it */
  state: 'starting' | 'indexing' | 'ready' | 'stopped';
  lastAnalysisMs: number;
}

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    // launch.json's "Attach to Server" connects here
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const selector = LANGUAGES.map((language) => ({ scheme: 'file', language }));
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    synchronize: { configurationSection: 'cachelint' },
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: { statusNotification: true },
    // .mts/.cts files are `typescript`; the selector above covers every extension the server reads
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  client = new LanguageClient('cachelint', 'Cache Lint', serverOptions, clientOptions);

  const status = languages.createLanguageStatusItem('cachelint.status', selector);
  status.name = 'Cache Lint';
  status.command = { title: 'Show Output', command: 'cachelint.showOutput' };
  showStatus(status, { state: 'starting', lastAnalysisMs: 0 });
  context.subscriptions.push(status);

  context.subscriptions.push(
    commands.registerCommand('cachelint.restartServer', async () => {
      showStatus(status, { state: 'starting', lastAnalysisMs: 0 });
      await client?.restart();
    }),
    commands.registerCommand('cachelint.showOutput', () => client?.outputChannel.show()),
    commands.registerCommand('cachelint.fixAll', fixAllInActiveEditor),
  );

  client.onNotification('cachelint/status', (s: Status) => showStatus(status, s));
  client.onDidChangeState((e) => {
    if (e.newState === State.Stopped) showStatus(status, { state: 'stopped', lastAnalysisMs: 0 });
  });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function showStatus(item: LanguageStatusItem, s: Status): void {
  item.busy = s.state === 'starting' || s.state === 'indexing';
  item.severity = s.state === 'stopped' ? LanguageStatusSeverity.Warning : LanguageStatusSeverity.Information;
  item.text = s.state === 'ready' ? 'cachelint' : s.state === 'stopped' ? 'cachelint: stopped' : `cachelint: ${s.state}…`;
  item.detail = s.state === 'ready' ? `last analysis ${s.lastAnalysisMs} ms` : undefined;
}

/** Applies the server's `source.fixAll.cachelint` action (safe fixes only) to the active editor. */
async function fixAllInActiveEditor(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const range = new Range(doc.lineAt(0).range.start, doc.lineAt(doc.lineCount - 1).range.end);
  const actions = await commands.executeCommand<CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, FIX_ALL_KIND);
  const fixAll = actions?.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
  if (!fixAll?.edit) {
    void window.showInformationMessage('Cache Lint: no auto-fixable problems in this file.');
    return;
  }
  // the edit is versioned: if the document changed meanwhile, VS Code refuses it
  if (!(await workspace.applyEdit(fixAll.edit)))
    void window.showWarningMessage('Cache Lint: the file changed while computing fixes; run the command again.');
}
