// Applies `cachelint-disable…` directives to a file's findings, and reports the directives that
// suppressed nothing, as ESLint's `reportUnusedDisableDirectives` does (same message, same fix:
// drop the whole comment, or only the unused rule ids when some of them were used).
import { parseDirective } from '../facts/suppressions';

/** The directive a comment holds (the editor's "Disable for this line" extends one). */
export { parseDirective };
import type { Suppression } from '../facts/types';
import { lineOf, lineStarts } from '../text/lines';
import { RULE_IDS, type Edit, type Finding, type LinkedFile, type RuleId } from '../rule';

export function applySuppressions(file: LinkedFile, findings: Finding[], only?: readonly RuleId[]): Finding[] {
  const sups = file.facts.suppressions;
  if (sups.length === 0) return findings;
  const starts = lineStarts(file.text);
  /** per suppression: the rule ids it actually silenced ('*' for a directive without ids) */
  const used = sups.map(() => new Set<string>());
  const kept: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId === null) {
      kept.push(f);
      continue;
    }
    const line = lineOf(starts, f.span.start);
    let suppressed = false;
    sups.forEach((s, i) => {
      if (s.kind !== 'file' && s.line !== line) return;
      if (s.rules.length === 0) used[i].add('*');
      else if (s.rules.includes(f.ruleId as string)) used[i].add(f.ruleId as string);
      else return;
      suppressed = true;
    });
    if (!suppressed) kept.push(f);
  }
  const ran = new Set<string>(only ?? RULE_IDS);
  sups.forEach((s, i) => {
    const u = unusedFinding(file, s, used[i], ran, starts);
    if (u) kept.push(u);
  });
  return kept;
}

function quoteList(ids: string[]): string {
  const q = ids.map((id) => `'${id}'`);
  if (q.length <= 2) return q.join(' or ');
  return `${q.slice(0, -1).join(', ')}, or ${q[q.length - 1]}`;
}

function unusedFinding(
  file: LinkedFile,
  s: Suppression,
  used: Set<string>,
  ran: Set<string>,
  starts: readonly number[],
): Finding | undefined {
  let message: string;
  let edits: Edit[];
  if (s.rules.length === 0) {
    // A directive for all rules is unused only if every rule ran and none was silenced.
    if (used.size > 0 || ran.size < RULE_IDS.length) return undefined;
    message = 'Unused cachelint-disable directive (no problems were reported).';
    edits = [removeComment(file.text, s, starts)];
  } else {
    // Only ids of rules that ran can be judged unused; unknown ids are never reported.
    const unused = s.rules.filter((id) => ran.has(id) && !used.has(id));
    if (unused.length === 0) return undefined;
    message = `Unused cachelint-disable directive (no problems were reported from ${quoteList(unused)}).`;
    const allUnused = s.rules.every((id) => unused.includes(id));
    edits = allUnused ? [removeComment(file.text, s, starts)] : removeRuleIds(file.text, s, unused);
  }
  return {
    ruleId: null,
    messageId: 'unusedSuppression',
    message,
    file: file.file,
    span: s.span,
    severity: 'warning',
    related: [],
    fix: { title: 'Remove unused cachelint-disable directive', kind: 'safe', edits },
    suggestions: [],
  };
}

/** Removes the comment; a comment alone on its line takes the line (and its break) with it. */
function removeComment(text: string, s: Suppression, starts: readonly number[]): Edit {
  let { start, end } = s.span;
  // Pattern: {/* cachelint-disable-next-line x */} in JSX: the braces go too
  const before = /\{\s*$/.exec(text.slice(Math.max(0, start - 40), start));
  const after = /^\s*\}/.exec(text.slice(end, end + 40));
  if (before && after) {
    start -= before[0].length;
    end += after[0].length;
  }
  const line = lineOf(starts, start);
  const lineStart = starts[line];
  const nextStart = line + 1 < starts.length ? starts[line + 1] : text.length;
  const lead = text.slice(lineStart, start);
  const rest = text.slice(end, nextStart);
  if (/^[ \t]*$/.test(lead) && /^[ \t]*(\r\n|[\r\n\u2028\u2029])?$/.test(rest)) {
    if (nextStart < text.length || line === 0) return { start: lineStart, end: nextStart, text: '' };
    // last line of the file: take the preceding line break instead
    return { start: Math.max(0, lineStart - lineBreakBefore(text, lineStart)), end: text.length, text: '' };
  }
  // Pattern: await redis.set(k, v); // cachelint-disable-line missing-ttl
  const ws = /[ \t]*$/.exec(lead)![0].length;
  return { start: start - ws, end, text: '' };
}

function lineBreakBefore(text: string, lineStart: number): number {
  if (lineStart >= 2 && text.slice(lineStart - 2, lineStart) === '\r\n') return 2;
  return lineStart >= 1 ? 1 : 0;
}

/** Removes some ids from a directive's list: the list is rewritten with the ids that stay. */
function removeRuleIds(text: string, s: Suppression, ids: string[]): Edit[] {
  const d = parseDirective(text.slice(s.span.start, s.span.end));
  if (!d || d.rules.length === 0) return [];
  const keep = d.rules.filter((r) => !ids.includes(r.id)).map((r) => r.id);
  const first = d.rules[0];
  const last = d.rules[d.rules.length - 1];
  return [{ start: s.span.start + first.start, end: s.span.start + last.end, text: keep.join(', ') }];
}
