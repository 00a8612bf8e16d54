// The VS Code side: starts the bundled language server and adds what only the editor can show (a
// language status item, commands, the rule pages in the Markdown preview, the config walkthrough).
// Everything about findings lives in the server, so Neovim and any other LSP client get the same
// diagnostics and fixes.
import * as path from 'node:path';
import {
  commands,
  languages,
  LanguageStatusSeverity,
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
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
import { KEYS_REQUEST, KeysView, type KeysResult } from './keys-view';
import { statusView, type CoverageInfo, type Status } from './status';

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
const FIX_ALL_KIND = 'source.fixAll.cachelint';
const SHOW_DOC_COMMAND = 'cachelint.showDocumentation';
/** server/src/lsp/commands.ts */
const CONFIG_FILE_REQUEST = 'cachelint/configFile';
const RULE_ID = /^[a-z][a-z-]*$/;

/** What `cachelint: Open Configuration` writes when a folder has no config yet (defaults only). */
const STARTER_CONFIG = `{
  // Your own cache classes cachelint cannot see through, e.g. ["LegacyCache"].
  "wrappers": [],
  // Modules whose exports are cache clients, with the library they behave like,
  // e.g. { "@acme/cache": "ioredis" }.
  "cacheModules": {}
}
`;

let client: LanguageClient | undefined;

/** What the extension shows, for other extensions and the end-to-end driver (`extensions.getExtension(…).exports`). */
export interface CachelintApi {
  status(): { text: string; detail: string | undefined; warning: boolean };
  /** the key map the "Cache Keys" view shows (undefined until it was loaded) */
  keys(): KeysResult | undefined;
}

export async function activate(context: ExtensionContext): Promise<CachelintApi> {
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
    middleware: {
      // The rule pages ship in the extension (dist/docs/rules): rendered by VS Code's own Markdown
      // preview, offline, instead of the server's showDocument of the raw file.
      executeCommand: async (command, args, next) => {
        if (command !== SHOW_DOC_COMMAND) return next(command, args);
        const ruleId = (args[0] as { ruleId?: unknown } | undefined)?.ruleId;
        if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) return next(command, args);
        const page = Uri.file(context.asAbsolutePath(path.join('dist', 'docs', 'rules', `${ruleId}.md`)));
        try {
          await workspace.fs.stat(page);
        } catch {
          return next(command, args); // not packaged (a development build): the server decides
        }
        try {
          await commands.executeCommand('markdown.showPreview', page);
        } catch {
          return next(command, args); // the built-in Markdown extension is disabled: the server opens the file
        }
      },
    },
  };
  client = new LanguageClient('cachelint', 'cachelint', serverOptions, clientOptions);

  const status = languages.createLanguageStatusItem('cachelint.status', selector);
  status.name = 'cachelint';
  status.command = { title: 'Show Output', command: 'cachelint.showOutput' };
  let lastStatus: Status = { state: 'starting', lastAnalysisMs: 0 };
  let coverage: CoverageInfo | undefined;
  const show = (s: Status) => {
    lastStatus = s;
    showStatus(status, s, coverage);
  };
  show(lastStatus);
  context.subscriptions.push(status);

  // the Explorer's "Cache Keys" view: loaded when shown, reloaded after each analysis while visible
  const keys = new KeysView(async () => {
    if (!client?.isRunning()) return undefined;
    return client.sendRequest<KeysResult>(KEYS_REQUEST, {});
  });
  const keysTree = window.createTreeView('cachelint.keys', { treeDataProvider: keys, showCollapseAll: true });
  let keysStale = false;
  context.subscriptions.push(
    keysTree,
    keysTree.onDidChangeVisibility((e) => {
      if (e.visible && keysStale) {
        keysStale = false;
        keys.refresh();
      }
    }),
  );

  context.subscriptions.push(
    commands.registerCommand('cachelint.restartServer', async () => {
      show({ state: 'starting', lastAnalysisMs: 0 });
      await client?.restart();
    }),
    commands.registerCommand('cachelint.showKeys', async () => {
      await commands.executeCommand('cachelint.keys.focus');
      keys.refresh();
    }),
    commands.registerCommand('cachelint.refreshKeys', () => keys.refresh()),
    commands.registerCommand('cachelint.showOutput', () => client?.outputChannel.show()),
    commands.registerCommand('cachelint.fixAll', fixAllInActiveEditor),
    commands.registerCommand('cachelint.openConfig', openConfig),
  );

  client.onNotification('cachelint/status', (s: Status) => show(s));
  // after each analysis: the summary in the status item, and a fresh key map
  client.onNotification('cachelint/coverage', (c: CoverageInfo) => {
    coverage = c;
    show(lastStatus);
    if (keysTree.visible) keys.refresh();
    else keysStale = true;
  });
  client.onDidChangeState((e) => {
    if (e.newState === State.Stopped) show({ state: 'stopped', lastAnalysisMs: 0 });
  });
  await client.start();
  return {
    status: () => ({ text: status.text, detail: status.detail, warning: status.severity === LanguageStatusSeverity.Warning }),
    keys: () => keys.last,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function showStatus(item: LanguageStatusItem, s: Status, coverage?: CoverageInfo): void {
  const v = statusView(s, coverage);
  item.busy = v.busy;
  item.severity = v.warning ? LanguageStatusSeverity.Warning : LanguageStatusSeverity.Information;
  item.text = v.text;
  item.detail = v.detail;
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
    void window.showInformationMessage('cachelint: no auto-fixable problems in this file.');
    return;
  }
  // the edit is versioned: if the document changed meanwhile, VS Code refuses it
  if (!(await workspace.applyEdit(fixAll.edit)))
    void window.showWarningMessage('cachelint: the file changed while computing fixes; run the command again.');
}

/**
 * Opens the config that governs the active file (or the first folder): the server says which one
 * it reads. Without one, creates `.cachelintrc.json` in the folder with the two keys the
 * walkthrough explains, so the file is never one that does not apply.
 */
async function openConfig(): Promise<void> {
  const active = window.activeTextEditor?.document.uri;
  const folder = (active && workspace.getWorkspaceFolder(active)) ?? workspace.workspaceFolders?.[0];
  if (!folder || !client) {
    void window.showInformationMessage('cachelint: open a folder first; its configuration lives in .cachelintrc.json.');
    return;
  }
  const probe = active?.scheme === 'file' && workspace.getWorkspaceFolder(active) ? active : Uri.joinPath(folder.uri, 'index.ts');
  const found = await client.sendRequest<{ file: string | null }>(CONFIG_FILE_REQUEST, { uri: probe.toString() });
  let target: Uri;
  if (found.file) target = Uri.file(found.file);
  else {
    target = Uri.joinPath(folder.uri, '.cachelintrc.json');
    // never over a file that is there (one the server could not read, say): open it instead
    if (!(await exists(target))) await workspace.fs.writeFile(target, Buffer.from(STARTER_CONFIG, 'utf8'));
  }
  const editor = await window.showTextDocument(await workspace.openTextDocument(target));
  const text = editor.document.getText();
  const key = path.basename(target.fsPath) === 'package.json' ? '"cachelint"' : '"wrappers"';
  const at = text.indexOf(key);
  if (at >= 0) {
    const range = new Range(editor.document.positionAt(at), editor.document.positionAt(at + key.length));
    editor.selection = new Selection(range.start, range.end);
    editor.revealRange(range, TextEditorRevealType.InCenter);
  }
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
