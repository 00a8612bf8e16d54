// Code actions for one document, a pure function of the findings computed for one version of it:
// each finding's safe fix and suggestions as quick fixes, "Disable cachelint <rule> for this
// line", "Show documentation for <rule>", and `source.fixAll.cachelint` (safe fixes only, never
// two that overlap, as vscode-eslint's Fixes.getApplicable). Every edit is a versioned
// TextDocumentEdit, so a client holding a newer text refuses it instead of corrupting the file.
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Range,
  type SnippetTextEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { detectEol, pickNonOverlapping, withEol } from '../engine/edits';
import type { Edit, Finding, Fix } from '../rule';
import { disableCommentEdit, type DisableEdit } from './disable-comment';
import { SHOW_DOC_COMMAND, showDocArgs } from './docs';
import type { LspText } from './positions';
import { rangesTouch } from './positions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cachelint`;
export { SHOW_DOC_COMMAND };

export interface ActionInput {
  uri: string;
  /** file path (its extension decides whether JSX comments are possible) */
  file: string;
  /** the document's version now */
  version: number;
  /** the findings, with the diagnostics sent for them (same order), and the version and text they were computed on */
  computed: { version: number; text: LspText; findings: readonly Finding[]; diagnostics: readonly Diagnostic[] };
  range: Range;
  /** CodeActionContext.only */
  only?: readonly string[];
  /** the client applies `documentChanges` (versioned edits); otherwise plain `changes` */
  documentChanges: boolean;
  /** the client applies snippet edits in `documentChanges` (LSP 3.18 `snippetEditSupport`) */
  snippets?: boolean;
}

/** Whether `kind` is requested by `only` (a requested kind covers its sub-kinds). */
export function kindWanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return kind !== FIX_ALL_KIND;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActionsFor(input: ActionInput): CodeAction[] {
  const { computed } = input;
  // Stale: the offsets were computed on another text. The caller re-analyses and asks again.
  if (computed.version !== input.version) return [];
  const actions: CodeAction[] = [];
  const lines = computed.text;
  const eol = detectEol(lines.text);
  const edit = (edits: readonly Edit[]): WorkspaceEdit => workspaceEdit(input, toTextEdits(lines, withEol(edits, eol)));

  if (kindWanted(CodeActionKind.QuickFix, input.only)) {
    const disabled = new Set<string>();
    const documented = new Set<string>();
    const later: CodeAction[] = [];
    computed.findings.forEach((f, i) => {
      const diagnostic = computed.diagnostics[i];
      if (!diagnostic || !rangesTouch(diagnostic.range, input.range)) return;
      const fixes: Fix[] = f.fix ? [f.fix, ...f.suggestions] : [...f.suggestions];
      fixes.forEach((fix, j) => {
        if (fix.edits.length === 0) return;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          // the safe fix, or else the first suggestion, is what "auto fix" picks
          isPreferred: j === 0,
          edit: edit(fix.edits),
        });
      });
      if (!f.ruleId) return;
      const line = diagnostic.range.start.line;
      const key = `${f.ruleId}@${line}`;
      if (!disabled.has(key)) {
        disabled.add(key);
        const te = disableCommentEdit(input.file, lines, line, f.ruleId);
        if (te)
          later.push({
            title: `Disable cachelint ${f.ruleId} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: disableEdit(input, te),
          });
      }
      if (!documented.has(f.ruleId)) {
        documented.add(f.ruleId);
        later.push({
          title: `Show documentation for ${f.ruleId}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: `Show documentation for ${f.ruleId}`, command: SHOW_DOC_COMMAND, arguments: [showDocArgs(f.ruleId)] },
        });
      }
    });
    // fixes first, then the disable/documentation entries, as ESLint orders its lightbulb menu
    actions.push(...later);
  }

  if (kindWanted(FIX_ALL_KIND, input.only)) {
    const edits = fixAllEdits(computed.findings);
    if (edits.length > 0)
      actions.push({ title: 'Fix all auto-fixable cachelint problems', kind: FIX_ALL_KIND, edit: edit(edits) });
  }
  return actions;
}

/** The safe fixes of a document that can be applied together. */
export function fixAllEdits(findings: readonly Finding[]): Edit[] {
  const safe: Fix[] = [];
  for (const f of findings) if (f.fix && f.fix.kind === 'safe') safe.push(f.fix);
  return pickNonOverlapping(safe);
}

export function toTextEdits(lines: LspText, edits: readonly Edit[]): TextEdit[] {
  return edits.map((e) => ({ range: lines.rangeOf(e), newText: e.text }));
}

/**
 * A code action cannot move the cursor, but a snippet edit can: where the client applies them
 * (VS Code), the disable comment arrives with the cursor after `-- `, ready for the reason. Other
 * clients get the same text as a plain edit (Neovim, or VS Code without versioned edits).
 */
function disableEdit(input: ActionInput, te: DisableEdit): WorkspaceEdit {
  const { snippet, ...plain } = te;
  if (!snippet || !input.snippets || !input.documentChanges) return workspaceEdit(input, [plain]);
  const edit: SnippetTextEdit = { range: plain.range, snippet: { kind: 'snippet', value: snippet } };
  return { documentChanges: [{ textDocument: { uri: input.uri, version: input.computed.version }, edits: [edit] }] };
}

function workspaceEdit(input: ActionInput, edits: TextEdit[]): WorkspaceEdit {
  if (input.documentChanges)
    return { documentChanges: [{ textDocument: { uri: input.uri, version: input.computed.version }, edits }] };
  return { changes: { [input.uri]: edits } };
}
