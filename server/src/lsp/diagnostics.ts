// Finding → LSP Diagnostic, a pure mapping (unit-tested in lsp-mapping.test.ts). The diagnostic
// carries everything a code action needs in `data`, so a client that round-trips it (VS Code) and
// one that does not (Neovim 0.7) get the same actions: the server keeps its own copy per version.
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import { docUrl, type Finding, type Fix, type Severity } from '../rule';
import { LspText } from './positions';

export const SOURCE = 'cachelint';

/** What travels in `Diagnostic.data`. */
export interface DiagnosticData {
  ruleId: string | null;
  /** the document version the edits were computed for */
  version: number | null;
  fix?: Fix;
  suggestions: Fix[];
}

export interface DiagnosticContext {
  /** version of the document the finding was computed on (null: not an open document) */
  version: number | null;
  /** text of another file, for related locations (Analyzer.textOf) */
  textOf(file: string): string | undefined;
  /** URI of a file path; defaults to a `file:` URL */
  uriOf?(file: string): string;
  /** line tables of other files, kept by the caller across reports (else built from textOf) */
  linesOf?(file: string): LspText | undefined;
}

export function severityOf(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** Appended to the message of a finding the baseline holds (setting `cachelint.baseline: hint`). */
export const BASELINE_TAG = '(baselined)';

/**
 * `baselined`: the finding is recorded in cachelint-baseline.json. It stays visible, as a Hint (the
 * faint dots, not a squiggle, and not in the Problems count of warnings), so legacy code still says
 * what is wrong with it when someone works on it.
 */
export function toDiagnostic(finding: Finding, text: string | LspText, ctx: DiagnosticContext, baselined = false): Diagnostic {
  const lines = typeof text === 'string' ? new LspText(text) : text;
  const uriOf = ctx.uriOf ?? fileUri;
  const diagnostic: Diagnostic = {
    range: lines.rangeOf(finding.span),
    severity: baselined ? DiagnosticSeverity.Hint : severityOf(finding.severity),
    source: SOURCE,
    message: baselined ? `${finding.message} ${BASELINE_TAG}` : finding.message,
  };
  if (finding.ruleId) {
    diagnostic.code = finding.ruleId;
    diagnostic.codeDescription = { href: docUrl(finding.ruleId) };
  } else if (finding.messageId === 'unusedSuppression') {
    // engine-level findings without a rule (an unused disable comment) fade the comment out
    diagnostic.tags = [DiagnosticTag.Unnecessary];
  }
  const related: DiagnosticRelatedInformation[] = [];
  const others = new Map<string, LspText | undefined>();
  for (const r of finding.related) {
    let rl: LspText | undefined;
    if (r.file === finding.file) rl = lines;
    else {
      if (!others.has(r.file)) {
        const t = ctx.linesOf ? undefined : ctx.textOf(r.file);
        others.set(r.file, ctx.linesOf ? ctx.linesOf(r.file) : t === undefined ? undefined : new LspText(t));
      }
      rl = others.get(r.file);
    }
    // A related file the analyzer no longer holds has no trustworthy positions: leave it out.
    if (!rl) continue;
    related.push({ location: { uri: uriOf(r.file), range: rl.rangeOf(r.span) }, message: r.message });
  }
  if (related.length > 0) diagnostic.relatedInformation = related;
  const data: DiagnosticData = { ruleId: finding.ruleId, version: ctx.version, suggestions: finding.suggestions };
  if (finding.fix) data.fix = finding.fix;
  diagnostic.data = data;
  return diagnostic;
}
