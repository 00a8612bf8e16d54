// The suggestion of invalidate-before-commit: move the cache call's own statement, unchanged, to
// where it runs after the commit (after the statement awaiting the transaction, after
// `commitTransaction()`) or after the write it invalidates. Phase 1 decided the place and that the
// statement's names mean the same there (facts/flow/move-target.ts); this only writes the edits.
import { applyEdits } from '../engine/edits';
import type { CacheOp, Edit, Fix } from '../rule';

/** After the statement ending at `stmtEnd`, and after a comment that ends its line. */
function insertionPoint(text: string, stmtEnd: number): number {
  const eol = text.indexOf('\n', stmtEnd);
  const rest = text.slice(stmtEnd, eol === -1 ? text.length : eol);
  if (/^\s*(\/\/.*|\/\*.*?\*\/\s*)?$/.test(rest)) return stmtEnd + rest.replace(/\r$/, '').length;
  return stmtEnd;
}

/**
 * The statement's removal and its text. A statement alone on its line goes with its line (and a
 * comment that ends the line moves with it); one sharing its line leaves the rest of the line.
 */
function cut(text: string, start: number, end: number): { edit: Edit; moved: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const eol = text.indexOf('\n', end);
  const rest = text.slice(end, eol === -1 ? text.length : eol).replace(/\r$/, '');
  const alone = /^[ \t]*$/.test(text.slice(lineStart, start)) && /^\s*(\/\/.*|\/\*.*?\*\/\s*)?$/.test(rest) && eol !== -1;
  if (!alone) return { edit: { start, end, text: '' }, moved: text.slice(start, end) };
  return { edit: { start: lineStart, end: eol + 1, text: '' }, moved: text.slice(start, end) + rest.replace(/\s+$/, '') };
}

/**
 * Moves the op's statement after offset `to` (a statement end), at `indent`; `inner` edits (inside
 * the statement) are applied to the moved text (set-after-commit's swap of a set for a delete).
 */
export function moveStatement(op: CacheOp, text: string, to: number, indent: string, title: string, inner: Edit[] = []): Fix | undefined {
  const stmt = op.call.stmt;
  if (!stmt || to <= stmt.end) return undefined;
  if (inner.some((e) => e.start < stmt.start || e.end > stmt.end)) return undefined;
  const edited = inner.length > 0 ? applyEdits(text, inner) : text;
  const shift = edited.length - text.length;
  const { edit } = cut(text, stmt.start, stmt.end);
  const { moved } = cut(edited, stmt.start, stmt.end + shift);
  const at = insertionPoint(text, to);
  const eol = text.slice(at, at + 2) === '\r\n' ? '\r\n' : '\n';
  return { title, kind: 'suggestion', edits: [edit, { start: at, end: at, text: `${eol}${indent}${moved}` }] };
}
