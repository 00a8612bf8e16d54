// ESLint's JSON result format, field for field, so tools that read `eslint -f json` read ours:
// 1-based lines and columns, severity 1|2, `fix.range` in offsets of the BOM-less text, a fix of
// several edits merged into one replacement (ESLint's `mergeFixes`), counts per file. One addition:
// `markdown` on a rule's message, the race explainer (report/explain.ts), which ESLint tools ignore.
import { docUrl, type Edit, type Finding, type Fix } from '../rule';
import { explanationMarkdown } from './explain';
import type { Formatter, ReportContext, ReportFile } from './index';
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
  /**
   * cachelint's own field (ESLint has none like it, so tools that read ESLint's format skip it):
   * the headline, why, the race as a T0…T3 timeline with this code's names, what to do, the doc link.
   */
  markdown?: string;
}

/** The Markdown explanation of a finding, when the output carries one (`json`; not stylish/github). */
export type Explain = (f: Finding) => string | undefined;

/** Explanations with each rule's `help`, from the metadata of the rules that ran. */
export function explainWith(ctx: Pick<ReportContext, 'rules'>): Explain {
  const help = new Map((ctx.rules ?? []).map((m) => [m.id as string, m.help]));
  return (f) => explanationMarkdown(f, { headline: true, help: f.ruleId ? help.get(f.ruleId) : undefined });
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
export function toLintMessages(r: ReportFile, lines = new LineMap(r.text), explain?: Explain): LintMessage[] {
  return [...parseErrorMessages(r, lines), ...r.findings.map((f) => toLintMessage(r, f, lines, explain))];
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

function toLintMessage(r: ReportFile, f: Finding, lines: LineMap, explain?: Explain): LintMessage {
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
  const markdown = explain?.(f);
  if (markdown) m.markdown = markdown;
  return m;
}

/** Findings the baseline hides, as ESLint reports bulk-suppressed messages. */
export function toSuppressedMessages(r: ReportFile, lines = new LineMap(r.text), explain?: Explain): LintMessage[] {
  return (r.suppressed ?? []).map((f) => ({ ...toLintMessage(r, f, lines, explain), suppressions: [{ kind: 'file', justification: '' }] }));
}

export function toLintResult(r: ReportFile, explain?: Explain): LintResult {
  const lines = new LineMap(r.text);
  const messages = toLintMessages(r, lines, explain);
  let errorCount = 0;
  let fatalErrorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fatal) fatalErrorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  // ESLint: `output` when fixes changed the file, else `source` when there is something to show;
  // built in ESLint's key order (before usedDeprecatedRules) for byte-similar output
  const shown = r.output !== undefined ? { output: r.output } : messages.length > 0 ? { source: (r.bom ? '\uFEFF' : '') + r.text } : undefined;
  return {
    filePath: r.file,
    messages,
    suppressedMessages: toSuppressedMessages(r, lines, explain),
    errorCount,
    fatalErrorCount,
    warningCount,
    fixableErrorCount,
    fixableWarningCount,
    ...shown,
    usedDeprecatedRules: [],
  };
}

export const formatJson: Formatter = (results, ctx) => {
  const explain = explainWith(ctx);
  return JSON.stringify(results.map((r) => toLintResult(r, explain)));
};

/**
 * ESLint's `json-with-metadata`: `{ results, metadata: { cwd, rulesMeta } }`, where `results` is
 * exactly the `json` format. cachelint adds `metadata.coverage` (what the analysis saw: files,
 * cache calls by library and wrapper, keys by role), leaving `json` itself ESLint's bare array.
 */
export const formatJsonWithMetadata: Formatter = (results, ctx) => {
  const explain = explainWith(ctx);
  return JSON.stringify({
    results: results.map((r) => toLintResult(r, explain)),
    metadata: {
      cwd: ctx.cwd,
      rulesMeta: Object.fromEntries(
        (ctx.rules ?? []).map((m) => [m.id, { type: 'problem', docs: { description: m.description, url: docUrl(m.id) }, fixable: m.fix === 'none' ? undefined : 'code', hasSuggestions: m.fix !== 'none', messages: m.messages }]),
      ),
      ...(ctx.coverage ? { coverage: ctx.coverage } : {}),
    },
  });
};
