// The e2e driver: a test-only extension that runs inside code-server's real extension host and
// exercises the cachelint extension through the public `vscode` API (open files, wait for the
// diagnostics, hover, apply quick fixes), then writes what it saw as JSON. Waits are on
// `onDidChangeDiagnostics` events; only the DOM check of the hover widget polls the page.
import { renameSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Cdp } from './cdp';
import type { DriverResult, DriverSpec } from './spec';
import { keysView } from './keys';
import { brokenConfig, disableForLine, showDocumentation, walkthrough } from './steps';
import { cachelintDiagnostics, codeActions, codeOf, info, whenDiagnostics } from './util';

const EXTENSION_ID = 'cachelint.cachelint';

export async function activate(): Promise<void> {
  const out = process.env.E2E_RESULT;
  const specFile = process.env.E2E_SPEC;
  if (!out || !specFile) return;
  const t0 = Date.now();
  const result: DriverResult = {
    ok: false,
    vscode: vscode.version,
    extensionActive: false,
    commands: [],
    files: [],
    hover: { markdown: [] },
    fixes: [],
    errors: [],
    totalMs: 0,
  };
  try {
    const spec = JSON.parse(readFileSync(specFile, 'utf8')) as DriverSpec;
    await drive(spec, result);
  } catch (e) {
    result.errors.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
  result.ok = result.errors.length === 0;
  result.totalMs = Date.now() - t0;
  // write-then-rename: the runner never reads a half-written file
  writeFileSync(`${out}.tmp`, JSON.stringify(result, null, 2));
  renameSync(`${out}.tmp`, out);
}

async function drive(spec: DriverSpec, result: DriverResult): Promise<void> {
  const lineBefore = new Map<string, { line: number; text: string }>();
  for (const f of spec.files) {
    const t = Date.now();
    const uri = vscode.Uri.file(f.file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const diags = await whenDiagnostics(
      () => {
        const ds = cachelintDiagnostics(uri);
        return f.codes.every((c) => ds.some((d) => codeOf(d) === c)) ? ds : undefined;
      },
      spec.timeoutMs,
      `cachelint diagnostics ${f.codes.join(', ')} in ${f.file}`,
    );
    result.files.push({ file: f.file, diagnostics: diags.map(info), ms: Date.now() - t });
  }
  result.extensionActive = vscode.extensions.getExtension(EXTENSION_ID)?.isActive ?? false;
  result.commands = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('cachelint.'));

  await hover(spec, result);
  if (spec.keys) result.keys = await keysView(spec, spec.keys);

  for (const fix of spec.fixes) {
    const t = Date.now();
    const uri = vscode.Uri.file(fix.file);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const diag = cachelintDiagnostics(uri).find((d) => codeOf(d) === fix.code);
    if (!diag) throw new Error(`no ${fix.code} diagnostic in ${fix.file} to fix`);
    const line = diag.range.start.line;
    lineBefore.set(`${fix.file}#${fix.code}`, { line, text: doc.lineAt(line).text });
    const actions = await codeActions(uri, diag.range);
    const action = actions.find((a) => new RegExp(fix.title).test(a.title));
    const entry = { file: fix.file, code: fix.code, titles: actions.map((a) => a.title), applied: false, lineAfter: '', codesOnLineAfter: [] as string[], ms: 0 };
    result.fixes.push(entry);
    if (!action?.edit) throw new Error(`no action matching /${fix.title}/ among ${entry.titles.join(' | ')}`);
    entry.applied = await vscode.workspace.applyEdit(action.edit);
    if (!entry.applied) throw new Error(`workspace.applyEdit refused "${action.title}"`);
    await whenDiagnostics(
      () => !cachelintDiagnostics(uri).some((d) => codeOf(d) === fix.code && d.range.start.line === line) || undefined,
      spec.timeoutMs,
      `${fix.code} on line ${line + 1} of ${fix.file} to go away`,
    );
    entry.lineAfter = doc.lineAt(line).text;
    entry.codesOnLineAfter = cachelintDiagnostics(uri).filter((d) => d.range.start.line === line).map(codeOf);
    entry.ms = Date.now() - t;
    if (!new RegExp(fix.expectLine).test(entry.lineAfter)) throw new Error(`line ${line + 1} after the fix is "${entry.lineAfter}", expected /${fix.expectLine}/`);
  }
  if (spec.fixAll) await fixAll(spec, spec.fixAll, lineBefore.get(`${spec.fixAll.file}#${spec.fixAll.code}`), result);
  if (spec.disable) result.disable = await disableForLine(spec, spec.disable);
  if (spec.showDoc) result.showDoc = await showDocumentation(spec, spec.showDoc);
  if (spec.walkthrough) result.walkthrough = await walkthrough(spec, spec.walkthrough);
  // last: it breaks the config of a folder
  if (spec.brokenConfig) result.brokenConfig = await brokenConfig(spec, spec.brokenConfig);
}

/** Restores a fixed line, then lets the extension's fix-all command fix it again. */
async function fixAll(
  spec: DriverSpec,
  step: NonNullable<DriverSpec['fixAll']>,
  before: { line: number; text: string } | undefined,
  result: DriverResult,
): Promise<void> {
  if (!before) throw new Error(`fixAll: no earlier ${step.code} fix in ${step.file} to restore`);
  const t = Date.now();
  const uri = vscode.Uri.file(step.file);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const restore = new vscode.WorkspaceEdit();
  restore.replace(uri, doc.lineAt(before.line).range, before.text);
  const restored = await vscode.workspace.applyEdit(restore);
  const has = () => cachelintDiagnostics(uri).some((d) => codeOf(d) === step.code && d.range.start.line === before.line);
  await whenDiagnostics(() => has() || undefined, spec.timeoutMs, `${step.code} to come back on line ${before.line + 1}`);
  await vscode.commands.executeCommand('cachelint.fixAll');
  await whenDiagnostics(() => !has() || undefined, spec.timeoutMs, `cachelint.fixAll to fix ${step.code} on line ${before.line + 1}`);
  const lineAfter = doc.lineAt(before.line).text;
  result.fixAll = {
    restored,
    lineAfter,
    codesOnLineAfter: cachelintDiagnostics(uri).filter((d) => d.range.start.line === before.line).map(codeOf),
    ms: Date.now() - t,
  };
  if (!new RegExp(step.expectLine).test(lineAfter)) throw new Error(`line ${before.line + 1} after fix-all is "${lineAfter}", expected /${step.expectLine}/`);
}

/** Hovers the diagnostic: the provider's markdown through the API, the widget in the DOM, a screenshot. */
async function hover(spec: DriverSpec, result: DriverResult): Promise<void> {
  // the Problems panel under the editor: the screenshot shows the list of findings too
  if (spec.screenshot) await vscode.commands.executeCommand('workbench.actions.view.problems');
  const uri = vscode.Uri.file(spec.hover.file);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  const diag = cachelintDiagnostics(uri).find((d) => codeOf(d) === spec.hover.code);
  if (!diag) throw new Error(`no ${spec.hover.code} diagnostic in ${spec.hover.file} to hover`);
  const pos = diag.range.start.translate(0, 1);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  result.hover.markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
  if (!spec.chromeProfile) return;
  // room for the editor: the secondary side bar (chat) would push the squiggle out of view
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(diag.range, vscode.TextEditorRevealType.InCenter);
  const cdp = await Cdp.connect(spec.chromeProfile, '?folder=');
  try {
    const deadline = Date.now() + spec.timeoutMs;
    const widget = `(() => { const h = [...document.querySelectorAll('.monaco-hover')].find((e) => e.offsetParent !== null && e.textContent.includes('cachelint') && e.textContent.includes('Key shape')); return h ? h.textContent : ''; })()`;
    for (;;) {
      // the hover can close when the workbench re-renders: ask again until it is there
      await vscode.commands.executeCommand('editor.action.showHover');
      const text = await cdp.evaluate<string>(widget);
      if (text) {
        result.hover.widgetText = text;
        break;
      }
      if (Date.now() > deadline) throw new Error('the hover widget with the diagnostic and the cachelint hover never became visible');
      await new Promise((r) => setTimeout(r, 200));
    }
    result.hover.squiggles = await cdp.evaluate<number>(`document.querySelectorAll('.squiggly-warning, .squiggly-error').length`);
    if (spec.screenshot) {
      writeFileSync(spec.screenshot, await cdp.screenshot());
      result.hover.screenshot = spec.screenshot;
    }
  } finally {
    cdp.close();
  }
}
