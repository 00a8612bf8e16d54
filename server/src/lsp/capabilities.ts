// What the client can do, read once from `initialize`: the server adapts to it (pull or push
// diagnostics, versioned or plain edits, snippet edits, message buttons, showDocument) instead of
// assuming VS Code.
import type { InitializeParams } from 'vscode-languageserver';

export interface ClientSupport {
  pull: boolean;
  refresh: boolean;
  configuration: boolean;
  watchedFilesDynamic: boolean;
  configurationDynamic: boolean;
  documentChanges: boolean;
  showDocument: boolean;
  /** window/showMessageRequest with action buttons */
  messageActions: boolean;
  /** snippet edits in documentChanges (LSP 3.18) */
  snippets: boolean;
  workspaceFolders: boolean;
  /** the client shows `cachelint/status` (the VS Code extension asks for it) */
  status: boolean;
}

export function clientSupport(params: InitializeParams): ClientSupport {
  const c = params.capabilities;
  return {
    pull: !!c.textDocument?.diagnostic,
    refresh: !!c.workspace?.diagnostics?.refreshSupport,
    configuration: !!c.workspace?.configuration,
    watchedFilesDynamic: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configurationDynamic: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    showDocument: !!c.window?.showDocument?.support,
    messageActions: !!c.window?.showMessage?.messageActionItem,
    snippets: !!c.workspace?.workspaceEdit?.snippetEditSupport,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    status: !!(params.initializationOptions as { statusNotification?: boolean } | undefined)?.statusNotification,
  };
}
