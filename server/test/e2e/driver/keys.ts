// The driver's step for the key map (issue 12): "cachelint: Show Cache Keys" shows the Explorer's
// Cache Keys view with the server's `cachelint/keys` answer, a site row opens its line, and the
// language status item carries the coverage summary. The view is checked in the DOM and screenshot.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Cdp } from './cdp';
import type { DriverResult, DriverSpec } from './spec';
import { poll } from './util';

const EXTENSION_ID = 'cachelint.cachelint';

interface Api {
  status(): { text: string; detail?: string; warning: boolean };
  keys(): { folders: { keys: { label: string; findings: unknown[] }[] }[] } | undefined;
}

export async function keysView(spec: DriverSpec, step: NonNullable<DriverSpec['keys']>): Promise<NonNullable<DriverResult['keys']>> {
  const api = vscode.extensions.getExtension<Api>(EXTENSION_ID)?.exports;
  if (!api?.keys) throw new Error('the cachelint extension exports no API');
  // the status item: the summary arrives with the first analysis after indexing
  const status = await poll(() => {
    const s = api.status();
    return /cache calls?/.test(s.text) ? s : undefined;
  }, spec.timeoutMs, 'the coverage summary in the status item');
  // the view beside the code it links to (the site clicked below replaces the hovered editor);
  // the open documents stay open: later steps read their diagnostics
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('cachelint.showKeys');
  const answer = await poll(() => {
    const k = api.keys();
    return k && k.folders.some((f) => f.keys.length > 0) ? k : undefined;
  }, spec.timeoutMs, 'the Cache Keys view to load');
  const keys = answer.folders.flatMap((f) => f.keys);
  if (!spec.chromeProfile) throw new Error('the keys step needs the browser (chromeProfile)');
  const cdp = await Cdp.connect(spec.chromeProfile, '?folder=');
  try {
    // the view's rows, once every expected label is rendered
    const rowsExpr = `(() => { const pane = [...document.querySelectorAll('.pane')].find((p) => (p.querySelector('.pane-header')?.textContent ?? '').includes('Cache Keys'));
      return pane ? [...pane.querySelectorAll('.monaco-list-row')].map((r) => r.textContent) : []; })()`;
    // the other Explorer panes (the folder, outline, timeline) collapsed: the tree gets the height,
    // and its rows are rendered (a list renders only the rows in view)
    await cdp.evaluate<number>(`[...document.querySelectorAll('.pane-header.expanded')].filter((h) => !h.textContent.includes('Cache Keys')).map((h) => h.click()).length`);
    let rows: string[];
    try {
      rows = await poll(async () => {
        const r = await cdp.evaluate<string[]>(rowsExpr);
        return step.labels.every((l) => r.some((t) => t.includes(l))) ? r : undefined;
      }, spec.timeoutMs, `the Cache Keys view to show ${step.labels.join(', ')}`);
    } catch (e) {
      // what the page showed instead, for the failure message and the artifact
      writeFileSync(step.screenshot, await cdp.screenshot());
      const headers = await cdp.evaluate<string[]>(`[...document.querySelectorAll('.pane-header')].map((h) => h.textContent)`);
      throw new Error(`${(e as Error).message}; pane headers: ${headers.join(' | ')}; rows: ${(await cdp.evaluate<string[]>(rowsExpr)).join(' | ')}`);
    }
    // a site is a link: a click on its row opens the call
    const clicked = await cdp.evaluate<boolean>(`(() => { const pane = [...document.querySelectorAll('.pane')].find((p) => (p.querySelector('.pane-header')?.textContent ?? '').includes('Cache Keys'));
      const row = pane && [...pane.querySelectorAll('.monaco-list-row')].find((r) => r.textContent.startsWith(${JSON.stringify(step.open.row)}));
      if (!row) return false;
      for (const type of ['mousedown', 'mouseup', 'click']) row.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window, button: 0 }));
      return true; })()`);
    if (!clicked) throw new Error(`no row starting with ${step.open.row} in the Cache Keys view: ${rows.join(' | ')}`);
    const editor = await poll(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.fileName === step.open.file && e.selection.active.line === step.open.line - 1 ? e : undefined;
    }, spec.timeoutMs, `${step.open.file}:${step.open.line} to open from the view`);
    // the view and the call it opened, side by side
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
    const text = editor.document.lineAt(editor.selection.active.line).text.trim().slice(0, 30);
    await poll(
      async () => ((await cdp.evaluate<boolean>(`[...document.querySelectorAll('.view-lines')].some((v) => v.textContent.replace(/\\u00a0/g, ' ').includes(${JSON.stringify(text)}))`)) ? true : undefined),
      spec.timeoutMs,
      'the opened line on screen',
    );
    writeFileSync(step.screenshot, await cdp.screenshot());
    return {
      labels: keys.map((k) => k.label),
      rows,
      findings: keys.reduce((n, k) => n + k.findings.length, 0),
      opened: { file: editor.document.fileName, line: editor.selection.active.line + 1 },
      status,
    };
  } finally {
    cdp.close();
  }
}
