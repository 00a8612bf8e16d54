// A broken `.cachelintrc.json` (or package.json "cachelint" key) in the editor: one warning with an
// "Open config" button that opens the file at the bad key, for clients that can show both a
// message with actions and a document (VS Code); a plain warning elsewhere (Neovim 0.7).
import { readFileSync } from 'node:fs';
import type { MessageActionItem, Range, ShowDocumentParams } from 'vscode-languageserver';
import type { ConfigError } from '../config-load';
import { locateJsonPath } from '../text/json-locate';
import { fileUri } from './diagnostics';
import { LspText } from './positions';

export const OPEN_CONFIG = 'Open config';

export interface ConfigErrorUi {
  /** the client shows message actions and documents (window/showMessageRequest + window/showDocument) */
  interactive: boolean;
  /** a window/showMessageRequest with buttons */
  ask(message: string, ...actions: MessageActionItem[]): Promise<MessageActionItem | undefined>;
  /**
   * a window/showMessage notification: every client shows it without waiting for an answer (a
   * request, even without buttons, makes Neovim 0.7 block in an input prompt)
   */
  tell(message: string): void;
  showDocument(params: ShowDocumentParams): Promise<unknown>;
  log(message: string): void;
}

/** Where the error is in the config text: the bad key (or its nearest existing parent), or the syntax error. */
export function configErrorRange(e: ConfigError, text: string): Range | undefined {
  const lines = new LspText(text);
  const at = e.at;
  if (!at) return undefined;
  if ('line' in at) {
    const p = { line: at.line - 1, character: at.column - 1 };
    return { start: p, end: p };
  }
  for (let n = at.path.length; n > 0; n--) {
    const span = locateJsonPath(text, at.path.slice(0, n));
    if (span) return lines.rangeOf(span);
  }
  return undefined;
}

export function notifyConfigError(e: ConfigError, ui: ConfigErrorUi): void {
  const message = `${e.message} (cachelint uses the default configuration until it is fixed)`;
  if (!ui.interactive) {
    ui.tell(message);
    return;
  }
  ui.ask(message, { title: OPEN_CONFIG })
    .then(async (choice) => {
      if (choice?.title !== OPEN_CONFIG) return;
      let selection: Range | undefined;
      try {
        selection = configErrorRange(e, readFileSync(e.file, 'utf8'));
      } catch {
        selection = undefined; // gone meanwhile: open it anyway, the client says what it can
      }
      await ui.showDocument({ uri: fileUri(e.file), takeFocus: true, ...(selection ? { selection } : {}) });
    })
    .catch((err: unknown) => ui.log(`cachelint: ${String(err)}`));
}
