// workspace/executeCommand and the extension's own requests. "Show documentation" for clients other
// than VS Code (whose extension opens the page in its Markdown preview itself): the page bundled
// with the server, in the editor, offline; the web page only when no bundled one exists.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { docUrl } from '../rule';
import type { ClientSupport } from './capabilities';
import { fileUri } from './diagnostics';
import { localDoc, ruleOfArgs, SHOW_DOC_COMMAND } from './docs';
import { pathOf } from './validator';
import type { Workspace } from './workspace';

/** The client asks which config file governs a document (the VS Code walkthrough opens it). */
export const CONFIG_FILE_REQUEST = 'cachelint/configFile';

export function registerCommands(connection: Connection, ctx: { workspace: Workspace; support(): ClientSupport | undefined }): void {
  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_DOC_COMMAND) return;
    const ruleId = ruleOfArgs(params.arguments);
    if (!ruleId) return;
    const local = localDoc(ruleId);
    const url = docUrl(ruleId);
    if (ctx.support()?.showDocument)
      await connection.window.showDocument(local ? { uri: fileUri(local), takeFocus: true } : { uri: url, external: true });
    // a notification: a request (even without buttons) makes Neovim 0.7 block in an input prompt
    else
      await connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: `cachelint documentation for ${ruleId}: ${local ?? url}`,
      });
  });

  connection.onRequest(CONFIG_FILE_REQUEST, (params: { uri: string }) => {
    const file = pathOf(params.uri);
    if (!file) return { file: null, root: null };
    const folder = ctx.workspace.folderFor(file);
    // a broken config too: that is the one to open (and never to replace with a new one)
    return { file: folder.configSource(file) ?? null, root: folder.root ?? null };
  });
}
