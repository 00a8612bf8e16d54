// The CLI as the reference for the language server: both faces must report the same findings for
// the same texts. Findings are compared as "rule severity range message" lines, with the CLI's
// ESLint positions (1-based, U+2028/U+2029 count as line breaks) mapped to LSP ranges (0-based,
// only \n, \r\n and \r) through offsets, so a line separator in a string does not count as a
// difference.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspText } from '../../src/lsp/positions';
import { lineStarts } from '../../src/text/lines';
import type { LintResult } from '../../src/report/json';

/** `node cli.js <dir> --format json --parse-all`: the results per absolute file path. */
export function runCliJson(cliJs: string, dir: string): Map<string, LintResult> {
  const r = spawnSync(process.execPath, [cliJs, dir, '--format', 'json', '--parse-all'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  // 0 clean, 1 findings; 2 is a usage or internal error
  if (r.status !== 0 && r.status !== 1) throw new Error(`cli exited with ${r.status}: ${r.stderr}`);
  const results = JSON.parse(r.stdout) as LintResult[];
  return new Map(results.map((x) => [x.filePath, x]));
}

const line = (rule: string | null | undefined, severity: string, range: Diagnostic['range'], message: string) =>
  `${rule ?? '-'} ${severity} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${message}`;

/** The CLI's findings for one file (parse errors left out: the server leaves those to TypeScript). */
export function cliLines(result: LintResult | undefined, text: string): string[] {
  if (!result) return [];
  const starts = lineStarts(text);
  const lsp = new LspText(text);
  const at = (l: number, c: number) => lsp.positionAt(starts[l - 1] + c - 1);
  return result.messages
    .filter((m) => !m.fatal)
    .map((m) =>
      line(m.ruleId, m.severity === 2 ? 'error' : 'warning', { start: at(m.line, m.column), end: at(m.endLine ?? m.line, m.endColumn ?? m.column) }, m.message),
    )
    .sort();
}

export function lspLines(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .map((d) => line(d.code === undefined ? null : String(d.code), d.severity === 1 ? 'error' : 'warning', d.range, typeof d.message === 'string' ? d.message : d.message.value))
    .sort();
}

export interface CliView {
  /** expected diagnostics per document URI, as `lspLines` prints them */
  lines: Map<string, string[]>;
  /** documents the CLI parsed without syntax errors */
  parsed: number;
}

/**
 * The CLI's findings for the open documents: a copy of the whole workspace folder (the server
 * analyses the files nobody opened too) with the buffers' texts written over their files.
 */
export function cliView(cliJs: string, root: string, docs: readonly { rel: string; uri: string; text: string }[]): CliView {
  const dir = mkdtempSync(join(tmpdir(), 'cachelint-fuzz-cli-'));
  try {
    cpSync(root, dir, { recursive: true });
    for (const d of docs) writeFileSync(join(dir, d.rel), d.text);
    const cli = runCliJson(cliJs, dir);
    const lines = new Map<string, string[]>();
    let parsed = 0;
    for (const d of docs) {
      const result = cli.get(join(dir, d.rel));
      if (result && !result.messages.some((m) => m.fatal)) parsed++;
      lines.set(d.uri, cliLines(result, d.text));
    }
    return { lines, parsed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
