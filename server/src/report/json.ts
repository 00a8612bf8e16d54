// ESLint's JSON result format, field for field, so tools that read `eslint -f json` read ours:
// 1-based lines and columns, severity 1|2, `fix.range` in offsets of the BOM-less text, a fix of
// several edits merged into one replacement (ESLint's `mergeFixes`), counts per file.
import type { Edit, Finding, Fix } from '../rule';
import type { Formatter, ReportFile } from './index';
import { LineMap } from '../text/lines';

export interface LintFix {
  range: [number, number];
  text: string;
}

export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  messageId?: string;
  endLine?: number;
  endColumn?: number;
  fatal?: true;
  fix?: LintFix;
  suggestions?: { desc: string; fix: LintFix }[];
  /** cachelint's own: the key the finding is about, its role and the evidence (ESLint readers ignore it) */
  cacheKey?: { shape: string; role: string; evidence: string };
  /** on suppressed messages: why (ESLint writes `{ kind: 'file' }` for its bulk suppressions) */
  suppressions?: { kind: string; justification: string }[];
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: LintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
  output?: string;
  usedDeprecatedRules: { ruleId: string; replacedBy: string[] }[];
}

/** One replacement covering every edit of a fix, the text in between copied from the source. */
export function mergeFix(text: string, edits: readonly Edit[]): LintFix {
  const list = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  if (list.length === 1) return { range: [list[0].start, list[0].end], text: list[0].text };
  const start = list[0].start;
  let pos = start;
  let out = '';
  for (const e of list) {
    out += text.slice(pos, e.start) + e.text;
    pos = Math.max(pos, e.end);
  }
  return { range: [start, pos], text: out };
}

function toLintFix(text: string, fix: Fix): LintFix | undefined {
  return fix.edits.length > 0 ? mergeFix(text, fix.edits) : undefined;
}

/** The messages of one file as ESLint reports them (parse error first, as ESLint's only message). */
export function toLintMessages(r: ReportFile, lines = new LineMap(r.text)): LintMessage[] {
  return [...parseErrorMessages(r, lines), ...r.findings.map((f) => toLintMessage(r, f, lines))];
}

function parseErrorMessages(r: ReportFile, lines: LineMap): LintMessage[] {
  const messages: LintMessage[] = [];
  const parseError = r.parseErrors?.[0];
  if (parseError) {
    const p = lines.position(parseError.start);
    messages.push({
      ruleId: null,
      fatal: true,
      severity: 2,
      message: `Parsing error: ${parseError.message}`,
      line: p.line + 1,
      column: p.column + 1,
    });
  }
  return messages;
}

function toLintMessage(r: ReportFile, f: Finding, lines: LineMap): LintMessage {
  const loc = lines.loc(f.span.start, f.span.end);
  const m: LintMessage = {
    ruleId: f.ruleId,
    severity: f.severity === 'error' ? 2 : 1,
    message: f.message,
    line: loc.line,
    column: loc.column,
    messageId: f.messageId,
    endLine: loc.endLine,
    endColumn: loc.endColumn,
  };
  const fix = f.fix?.kind === 'safe' ? toLintFix(r.text, f.fix) : undefined;
  if (fix) m.fix = fix;
  const suggestions = f.suggestions.flatMap((s) => {
    const sf = toLintFix(r.text, s);
    return sf ? [{ desc: s.title, fix: sf }] : [];
  });
  if (suggestions.length > 0) m.suggestions = suggestions;
  if (f.key) m.cacheKey = f.key;
  return m;
}

/** Findings the baseline hides, as ESLint reports bulk-suppressed messages. */
export function toSuppressedMessages(r: ReportFile, lines = new LineMap(r.text)): LintMessage[] {
  return (r.suppressed ?? []).map((f) => ({ ...toLintMessage(r, f, lines), suppressions: [{ kind: 'file', justification: '' }] }));
}

export function toLintResult(r: ReportFile): LintResult {
  const lines = new LineMap(r.text);
  const messages = toLintMessages(r, lines);
  const result: LintResult = {
    filePath: r.file,
    messages,
    suppressedMessages: toSuppressedMessages(r, lines),
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
  for (const m of messages) {
    if (m.severity === 2) {
      result.errorCount++;
      if (m.fatal) result.fatalErrorCount++;
      if (m.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (m.fix) result.fixableWarningCount++;
    }
  }
  // ESLint: `output` when fixes changed the file, else `source` when there is something to show.
  if (r.output !== undefined) result.output = r.output;
  else if (messages.length > 0) result.source = (r.bom ? '\uFEFF' : '') + r.text;
  return reorder(result);
}

/** Keeps ESLint's key order (source/output before usedDeprecatedRules) for byte-similar output. */
function reorder(r: LintResult): LintResult {
  const { usedDeprecatedRules, ...rest } = r;
  return { ...rest, usedDeprecatedRules };
}

export const formatJson: Formatter = (results) => JSON.stringify(results.map(toLintResult));
