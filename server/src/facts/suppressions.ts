// `cachelint-disable…` directive comments, found with a small lexer over the raw text (no parse):
// it skips strings, template literals and regular expressions so that only real comments count.
// The directive grammar follows ESLint's: the directive word first, then comma-separated rule ids,
// then an optional `-- reason`; file-wide `cachelint-disable` only in block comments.
import { lineOf, lineStarts } from '../text/lines';
import type { Suppression } from './types';

const MARKER = 'cachelint-disable';
const DIRECTIVE = /^(\s*)cachelint-(disable-next-line|disable-line|disable)(?=\s|$)/;
/** ESLint's description separator: two or more dashes with whitespace on both sides. */
const REASON = /\s-{2,}\s/;

export interface ParsedDirective {
  kind: Suppression['kind'];
  /** rule ids with their offsets relative to the comment start */
  rules: { id: string; start: number; end: number }[];
  reason?: string;
}

export function collectSuppressions(text: string): Suppression[] {
  // Most files have no directive: skip the lexer entirely.
  if (!text.includes(MARKER)) return [];
  const out: Suppression[] = [];
  let starts: number[] | undefined;
  forEachComment(text, (start, end) => {
    const comment = text.slice(start, end);
    if (!comment.includes(MARKER)) return;
    const d = parseDirective(comment);
    if (!d) return;
    starts ??= lineStarts(text);
    const first = lineOf(starts, start);
    const last = lineOf(starts, end - 1);
    let line: number;
    if (d.kind === 'file') line = -1;
    else if (d.kind === 'next-line') line = last + 1;
    // Pattern: /* cachelint-disable-line x */ spread over two lines: ESLint rejects it, we ignore it.
    else if (first !== last) return;
    else line = first;
    out.push({ kind: d.kind, rules: d.rules.map((r) => r.id), span: { start, end }, line });
  });
  return out;
}

/**
 * Parses one comment (with its `//` or `/* *\/` delimiters). Returns undefined when it is not a
 * directive, including a line comment `// cachelint-disable`, which ESLint ignores as well.
 */
export function parseDirective(comment: string): ParsedDirective | undefined {
  const block = comment.startsWith('/*');
  const bodyStart = 2;
  const bodyEnd = block && comment.endsWith('*/') && comment.length >= 4 ? comment.length - 2 : comment.length;
  const body = comment.slice(bodyStart, bodyEnd);
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  const kind: Suppression['kind'] = m[2] === 'disable-next-line' ? 'next-line' : m[2] === 'disable-line' ? 'line' : 'file';
  if (kind === 'file' && !block) return undefined;
  const restStart = m[0].length;
  let rest = body.slice(restStart);
  let reason: string | undefined;
  const r = REASON.exec(rest);
  if (r) {
    reason = rest.slice(r.index + r[0].length).trim() || undefined;
    rest = rest.slice(0, r.index);
  }
  const rules: ParsedDirective['rules'] = [];
  let pos = 0;
  for (const piece of rest.split(',')) {
    const lead = piece.length - piece.trimStart().length;
    const id = piece.trim();
    if (id) {
      const start = bodyStart + restStart + pos + lead;
      rules.push({ id, start, end: start + id.length });
    }
    pos += piece.length + 1;
  }
  return reason === undefined ? { kind, rules } : { kind, rules, reason };
}

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 || c > 127;
}

/**
 * Calls `onComment(start, end)` for every comment. A `/` starts a regular expression when the last
 * token cannot end an expression (ESLint's and TypeScript's scanners need the parser for this; the
 * previous-token rule is right for real code). Unterminated strings stop at the line end, so a
 * stray quote in JSX text (`<p>Don't</p>`) cannot swallow the rest of the file.
 */
export function forEachComment(text: string, onComment: (start: number, end: number) => void): void {
  const n = text.length;
  let i = text.startsWith('#!') ? lineEnd(text, 0) : 0;
  let regexOk = true;
  let afterLessThan = false;
  let depth = 0;
  /** brace depth at each open `${` of a template literal */
  const templates: number[] = [];

  const scanTemplate = (from: number): number => {
    let j = from;
    while (j < n) {
      const ch = text.charCodeAt(j);
      if (ch === 92 /* \ */) j += 2;
      else if (ch === 96 /* ` */) {
        regexOk = false;
        return j + 1;
      } else if (ch === 36 /* $ */ && text.charCodeAt(j + 1) === 123 /* { */) {
        templates.push(depth);
        regexOk = true;
        return j + 2;
      } else j++;
    }
    return n;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || isLineBreak(c) || c === 11 || c === 12 || c === 0xfeff || c === 0xa0) {
      i++;
      continue;
    }
    const wasAfterLessThan = afterLessThan;
    afterLessThan = false;
    if (c === 47 /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 47) {
        const end = lineEnd(text, i);
        onComment(i, end);
        i = end;
        continue;
      }
      if (next === 42 /* * */) {
        const close = text.indexOf('*/', i + 2);
        const end = close < 0 ? n : close + 2;
        onComment(i, end);
        i = end;
        continue;
      }
      // Pattern: </div> closes a JSX element, it does not start a regex
      if (regexOk && !wasAfterLessThan) {
        i = skipRegex(text, i);
        regexOk = false;
      } else {
        i++;
        regexOk = true;
      }
      continue;
    }
    if (c === 39 /* ' */ || c === 34 /* " */) {
      i = skipString(text, i, c);
      regexOk = false;
      continue;
    }
    if (c === 96) {
      i = scanTemplate(i + 1);
      continue;
    }
    if (isIdentChar(c)) {
      let j = i + 1;
      while (j < n && isIdentChar(text.charCodeAt(j))) j++;
      regexOk = KEYWORDS_BEFORE_EXPRESSION.has(text.slice(i, j));
      i = j;
      continue;
    }
    if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */) {
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        i = scanTemplate(i + 1);
        continue;
      }
      depth--;
    }
    regexOk = c !== 41 /* ) */ && c !== 93 /* ] */;
    afterLessThan = c === 60 /* < */;
    i++;
  }
}

function lineEnd(text: string, from: number): number {
  let j = from;
  while (j < text.length && !isLineBreak(text.charCodeAt(j))) j++;
  return j;
}

function skipString(text: string, from: number, quote: number): number {
  let j = from + 1;
  while (j < text.length) {
    const ch = text.charCodeAt(j);
    if (ch === 92) j += 2;
    else if (ch === quote) return j + 1;
    else if (isLineBreak(ch)) return j;
    else j++;
  }
  return j;
}

function skipRegex(text: string, from: number): number {
  let j = from + 1;
  let inClass = false;
  while (j < text.length) {
    const ch = text.charCodeAt(j);
    if (ch === 92) {
      j += 2;
      continue;
    }
    if (isLineBreak(ch)) return j;
    if (ch === 91 /* [ */) inClass = true;
    else if (ch === 93 /* ] */) inClass = false;
    else if (ch === 47 && !inClass) {
      j++;
      break;
    }
    j++;
  }
  while (j < text.length && isIdentChar(text.charCodeAt(j))) j++;
  return j;
}
