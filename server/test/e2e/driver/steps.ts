// The driver's steps for what the extension adds around the diagnostics: disable-for-line with the
// cursor left for the reason, the bundled rule page in the Markdown preview, the walkthrough and
// its "Open Configuration", and a broken config's "Open config" button. Each returns what it saw;
// each throws when the editor did something else.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Cdp } from './cdp';
import type { DriverResult, DriverSpec } from './spec';
import { cachelintDiagnostics, codeActions, codeOf, poll, whenDiagnostics } from './util';

const EXTENSION_ID = 'cachelint.cachelint';

async function diagnostic(spec: DriverSpec, file: string, code: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; editor: vscode.TextEditor; diag: vscode.Diagnostic }> {
  const uri = vscode.Uri.file(file);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const diag = await whenDiagnostics(() => cachelintDiagnostics(uri).find((d) => codeOf(d) === code), spec.timeoutMs, `${code} in ${file}`);
  return { uri, doc, editor, diag };
}

export async function disableForLine(spec: DriverSpec, step: NonNullable<DriverSpec['disable']>): Promise<NonNullable<DriverResult['disable']>> {
  const { uri, doc, editor, diag } = await diagnostic(spec, step.file, step.code);
  const line = diag.range.start.line;
  const title = `Disable cachelint ${step.code} for this line`;
  const action = (await codeActions(uri, diag.range)).find((a) => a.title === title);
  if (!action?.edit) throw new Error(`no "${title}" action with an edit`);
  // as the light bulb applies it: the snippet edit goes into the active editor, cursor at its $0
  if (!(await vscode.workspace.applyEdit(action.edit))) throw new Error(`workspace.applyEdit refused "${title}"`);
  const cursor = editor.selection.active;
  await vscode.commands.executeCommand('type', { text: step.reason });
  await whenDiagnostics(() => !cachelintDiagnostics(uri).some((d) => codeOf(d) === step.code) || undefined, spec.timeoutMs, `${step.code} to be silenced`);
  return { title, line, cursor: { line: cursor.line, character: cursor.character }, lineAfter: doc.lineAt(line).text, codesAfter: cachelintDiagnostics(uri).map(codeOf) };
}

export async function showDocumentation(spec: DriverSpec, step: NonNullable<DriverSpec['showDoc']>): Promise<NonNullable<DriverResult['showDoc']>> {
  const { uri, diag } = await diagnostic(spec, step.file, step.code);
  const title = `Show documentation for ${step.code}`;
  const action = (await codeActions(uri, diag.range)).find((a) => a.title === title);
  if (!action?.command) throw new Error(`no "${title}" action with a command`);
  // what VS Code runs when the action is picked
  await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
  const kind = (t: vscode.Tab) => (t.input instanceof vscode.TabInputWebview ? `webview:${t.input.viewType}` : t.input instanceof vscode.TabInputText ? `text:${t.input.uri.fsPath}` : 'other');
  await poll(() => tabs().find((t) => kind(t).includes('markdown.preview') && t.label.includes(step.code)), spec.timeoutMs, `the Markdown preview of ${step.code}.md`);
  return { title, tabs: tabs().map((t) => ({ label: t.label, kind: kind(t) })) };
}

export async function walkthrough(spec: DriverSpec, step: NonNullable<DriverSpec['walkthrough']>): Promise<NonNullable<DriverResult['walkthrough']>> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${step.id}`, false);
  let shown = false;
  if (spec.chromeProfile) {
    const cdp = await Cdp.connect(spec.chromeProfile, '?folder=');
    try {
      const expr = `document.body.innerText.includes(${JSON.stringify(step.title)})`;
      shown = await poll(async () => ((await cdp.evaluate<boolean>(expr)) ? true : undefined), spec.timeoutMs, `the walkthrough "${step.title}"`);
    } finally {
      cdp.close();
    }
  }
  // its first step's button
  await vscode.commands.executeCommand('cachelint.openConfig');
  const editor = await poll(
    () => {
      const e = vscode.window.activeTextEditor;
      return e && /\.cachelintrc\.json$|package\.json$/.test(e.document.fileName) ? e : undefined;
    },
    spec.timeoutMs,
    'the config in the editor',
  );
  return { shown, configFile: editor.document.fileName, selected: editor.document.getText(editor.selection), configText: editor.document.getText() };
}

export async function brokenConfig(spec: DriverSpec, step: NonNullable<DriverSpec['brokenConfig']>): Promise<NonNullable<DriverResult['brokenConfig']>> {
  if (!spec.chromeProfile) throw new Error('brokenConfig needs the browser (chromeProfile)');
  // written behind the editor's back, as a git checkout would: the file watcher tells the server
  writeFileSync(step.file, step.text);
  const cdp = await Cdp.connect(spec.chromeProfile, '?folder=');
  try {
    const find = `[...document.querySelectorAll('.notification-toast')].find((e) => e.textContent.includes(${JSON.stringify(step.key)}))`;
    const toast = await poll(async () => (await cdp.evaluate<string>(`(() => { const t = ${find}; return t ? t.innerText : '' })()`)) || undefined, spec.timeoutMs, 'the config warning');
    const clicked = await cdp.evaluate<boolean>(
      `(() => { const t = ${find}; const b = t && [...t.querySelectorAll('.monaco-button')].find((x) => x.textContent.trim() === 'Open config'); if (b) b.click(); return !!b; })()`,
    );
    if (!clicked) throw new Error(`no "Open config" button on the warning: ${toast}`);
    const editor = await poll(
      () => (vscode.window.activeTextEditor?.document.fileName === step.file ? vscode.window.activeTextEditor : undefined),
      spec.timeoutMs,
      `${step.file} in the editor`,
    );
    return { toast, opened: editor.document.fileName, selection: { line: editor.selection.start.line, text: editor.document.getText(editor.selection) } };
  } finally {
    cdp.close();
  }
}
