// Offset → line/column mapping shared by the reporters, suppressions and the CLI. Line breaks are
// the ones ESLint and TypeScript count (\r\n, \r, \n, U+2028, U+2029), so a finding's line here is
// the line a user sees in ESLint-style output and the line a `cachelint-disable-next-line` targets.

export interface Position {
  /** 0-based line */
  line: number;
  /** 0-based column, in UTF-16 code units */
  column: number;
}

/** Offsets where each line starts; `starts[0]` is always 0. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 || c === 0x2028 || c === 0x2029) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 0-based line of `offset` (binary search over line starts). */
export function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Line starts of the last few texts asked about by text: the rules ask about one file's lines once per finding. */
const recentStarts = new Map<string, number[]>();

function startsOf(text: string): number[] {
  let starts = recentStarts.get(text);
  if (starts) return starts;
  starts = lineStarts(text);
  if (recentStarts.size >= 8) recentStarts.delete(recentStarts.keys().next().value!);
  recentStarts.set(text, starts);
  return starts;
}

/** 0-based position of `offset`; offsets past the end clamp to the end. */
export function positionAt(textOrStarts: string | readonly number[], offset: number): Position {
  const starts = typeof textOrStarts === 'string' ? startsOf(textOrStarts) : textOrStarts;
  const o = Math.max(0, offset);
  const line = lineOf(starts, o);
  return { line, column: o - starts[line] };
}

/** A 1-based position, as ESLint, SARIF and GitHub annotations count. */
export interface Loc {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** 1-based start and end (end column is one past the last character, as in ESLint's `endColumn`). */
export function locOf(starts: readonly number[], start: number, end: number): Loc {
  const s = positionAt(starts, start);
  const e = positionAt(starts, Math.max(start, end));
  return { line: s.line + 1, column: s.column + 1, endLine: e.line + 1, endColumn: e.column + 1 };
}

/** The text of a 0-based line, without its line break. */
export function lineText(text: string, starts: readonly number[], line: number): string {
  if (line < 0 || line >= starts.length) return '';
  const from = starts[line];
  const to = line + 1 < starts.length ? starts[line + 1] : text.length;
  return text.slice(from, to).replace(/(\r\n|[\r\n\u2028\u2029])$/, '');
}

/** Line/column text helper for one file: computes line starts once, on first use. */
export class LineMap {
  private starts: number[] | undefined;
  constructor(readonly text: string) {}
  get lineStarts(): readonly number[] {
    return (this.starts ??= lineStarts(this.text));
  }
  position(offset: number): Position {
    return positionAt(this.lineStarts, offset);
  }
  loc(start: number, end: number): Loc {
    return locOf(this.lineStarts, start, end);
  }
  line(line: number): string {
    return lineText(this.text, this.lineStarts, line);
  }
}
