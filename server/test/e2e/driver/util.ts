// Helpers of the e2e driver: cachelint's diagnostics of a document, waits on diagnostics events,
// code actions that retry while the workbench settles, and a poll for what has no event.
import * as vscode from 'vscode';
import type { DiagnosticInfo } from './spec';

export function cachelintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cachelint');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/** Resolves with `check()`'s value once it is truthy, re-checking on every diagnostics change. */
export function whenDiagnostics<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const now = check();
  if (now) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      const v = check();
      if (!v) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
    });
  });
}

/** executeCodeActionProvider throws `Canceled` while the workbench is still settling: retry that only. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
    } catch (e) {
      if (attempt >= 20 || !String(e).includes('Canceled')) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export function info(d: vscode.Diagnostic): DiagnosticInfo {
  return {
    code: codeOf(d),
    line: d.range.start.line,
    character: d.range.start.character,
    severity: d.severity,
    source: d.source,
    message: d.message,
    docLink: typeof d.code === 'object' ? d.code.target.toString() : undefined,
  };
}

/** Polls `check` (for what has no event: a notification toast, a webview tab) until it returns a value. */
export async function poll<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
