// ESLint's default `stylish` formatter, reproduced: the file path underlined, one aligned row per
// problem (`line:col  severity  message  rule-id`), then the red or yellow summary. Colours are
// plain ANSI codes (what chalk emits), on only when the caller says so.
import { relative } from 'node:path';
import type { Formatter } from './index';
import { toLintResult } from './json';

type Paint = (s: string) => string;

function painter(on: boolean) {
  const wrap =
    (open: number, close: number): Paint =>
    (s) =>
      on ? `\u001b[${open}m${s}\u001b[${close}m` : s;
  return { underline: wrap(4, 24), red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22), reset: wrap(0, 0) };
}

const ANSI = /\u001b\[\d+m/g;

function width(s: string): number {
  return s.replace(ANSI, '').length;
}

function pluralize(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

/** text-table with ESLint's options: two-space gutter, column 1 right-aligned, trailing space cut. */
function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  return rows
    .map((row) =>
      row
        .map((c, i) => {
          const pad = ' '.repeat(widths[i] - width(c));
          return i === 1 ? pad + c : c + pad;
        })
        .join('  ')
        .replace(/\s+$/, ''),
    )
    .join('\n');
}

export const formatStylish: Formatter = (results, ctx) => {
  const c = painter(ctx.color ?? false);
  let output = '\n';
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const r of results) {
    const res = toLintResult(r);
    errorCount += res.errorCount;
    warningCount += res.warningCount;
    fixableErrorCount += res.fixableErrorCount;
    fixableWarningCount += res.fixableWarningCount;
    if (res.messages.length === 0) continue;
    output += `${c.underline(res.filePath)}\n`;
    const rows = res.messages.map((m) => [
      '',
      String(m.line || 0),
      String(m.column || 0),
      m.fatal || m.severity === 2 ? c.red('error') : c.yellow('warning'),
      m.message.replace(/([^ ])\.$/u, '$1'),
      m.ruleId ? c.dim(m.ruleId) : '',
    ]);
    output += `${table(rows)
      .split('\n')
      .map((line) => line.replace(/(\d+)\s+(\d+)/u, (_m, l: string, col: string) => c.dim(`${l}:${col}`)))
      .join('\n')}\n\n`;
  }
  const total = errorCount + warningCount;
  const baselined = results.reduce((n, r) => n + (r.suppressed?.length ?? 0), 0);
  // not one of ESLint's lines: it says how much legacy the baseline still holds
  const where = ctx.baselines?.length === 1 ? ` (${relative(ctx.cwd, ctx.baselines[0]) || ctx.baselines[0]})` : '';
  const note = `${baselined}${pluralize(' finding', baselined)} in the baseline not shown${where}`;
  const footer = baselined > 0 ? `  ${c.dim(note)}\n` : '';
  if (total === 0) return baselined > 0 ? c.reset(`\n${c.dim(note)}\n`) : '';
  const summary = errorCount > 0 ? c.red : c.yellow;
  output += summary(
    c.bold(
      `\u2716 ${total}${pluralize(' problem', total)} (${errorCount}${pluralize(' error', errorCount)}, ` +
        `${warningCount}${pluralize(' warning', warningCount)})\n`,
    ),
  );
  if (fixableErrorCount > 0 || fixableWarningCount > 0) {
    output += summary(
      c.bold(
        `  ${fixableErrorCount}${pluralize(' error', fixableErrorCount)} and ` +
          `${fixableWarningCount}${pluralize(' warning', fixableWarningCount)} potentially fixable with the \`--fix\` option.\n`,
      ),
    );
  }
  output += footer;
  return c.reset(output);
};
