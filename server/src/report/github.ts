// GitHub Actions workflow commands (`::warning file=…,line=…::message`), which GitHub turns into
// annotations on the diff. GitHub shows at most 10 warning and 10 error annotations per step, so
// the rest are printed as plain log lines and a `::notice::` says how many were left out.
import { relative, sep } from 'node:path';
import type { Formatter } from './index';
import { toLintResult } from './json';

const MAX_PER_LEVEL = 10;

/** Escaping of a command's message, as @actions/core does. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command property (file, title): also `:` and `,`, which delimit properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = (results, ctx) => {
  const lines: string[] = [];
  const overflow: string[] = [];
  const shown = { error: 0, warning: 0 };
  const hidden = { error: 0, warning: 0 };
  for (const r of results) {
    const rel = relative(ctx.cwd, r.file);
    const path = (rel.startsWith('..') ? r.file : rel).split(sep).join('/');
    for (const m of toLintResult(r).messages) {
      const kind = m.severity === 2 ? 'error' : 'warning';
      const title = m.ruleId ? `cachelint (${m.ruleId})` : m.fatal ? 'cachelint (parse error)' : 'cachelint';
      if (shown[kind] < MAX_PER_LEVEL) {
        shown[kind]++;
        const props = [`file=${escapeProperty(path)}`, `line=${m.line}`, `col=${m.column}`];
        if (m.endLine !== undefined) props.push(`endLine=${m.endLine}`, `endColumn=${m.endColumn}`);
        props.push(`title=${escapeProperty(title)}`);
        lines.push(`::${kind} ${props.join(',')}::${escapeData(m.message)}`);
      } else {
        hidden[kind]++;
        overflow.push(`${path}:${m.line}:${m.column}: ${kind} ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`);
      }
    }
  }
  const errors = shown.error + hidden.error;
  const warnings = shown.warning + hidden.warning;
  const baselined = results.reduce((n, r) => n + (r.suppressed?.length ?? 0), 0);
  const inBaseline = baselined > 0 ? `; ${baselined} more in the baseline` : '';
  if (errors + warnings === 0) return baselined > 0 ? `cachelint: 0 problems${inBaseline}` : '';
  lines.push(...overflow);
  if (hidden.error + hidden.warning > 0) {
    const parts: string[] = [];
    if (hidden.error > 0) parts.push(`${hidden.error} more ${hidden.error === 1 ? 'error' : 'errors'}`);
    if (hidden.warning > 0) parts.push(`${hidden.warning} more ${hidden.warning === 1 ? 'warning' : 'warnings'}`);
    lines.push(
      `::notice::${escapeData(
        `cachelint: ${parts.join(' and ')} not shown as annotations (GitHub shows ${MAX_PER_LEVEL} of each per step); they are listed in the log.`,
      )}`,
    );
  }
  const total = errors + warnings;
  lines.push(
    `cachelint: ${total} ${total === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ` +
      `${warnings} ${warnings === 1 ? 'warning' : 'warnings'})${inBaseline}`,
  );
  return lines.join('\n');
};
