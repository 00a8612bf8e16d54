// UTF-16 offsets ↔ LSP positions. LSP counts only \n, \r\n and \r as line breaks (text/lines.ts
// also counts U+2028/U+2029, as ESLint does), so the editor-facing mapping lives here: a file with
// a U+2028 inside a string would otherwise have every later diagnostic one line too low.
import type { Position, Range } from 'vscode-languageserver';
import type { Span } from '../facts/types';
import { lineOf } from '../text/lines';

export class LspText {
  private starts: number[] | undefined;

  constructor(readonly text: string) {}

  private get lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      const t = this.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 13 /* \r */) {
          if (t.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10) starts.push(i + 1);
      }
      this.starts = starts;
    }
    return this.starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    const o = Math.min(Math.max(0, offset), this.text.length);
    const line = lineOf(starts, o);
    return { line, character: o - starts[line] };
  }

  offsetAt(p: Position): number {
    const starts = this.lineStarts;
    if (p.line < 0) return 0;
    if (p.line >= starts.length) return this.text.length;
    let lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : this.text.length;
    // a character past the end of the line stops before its line break (as TextDocument.offsetAt)
    while (lineEnd > starts[p.line] && (this.text.charCodeAt(lineEnd - 1) === 10 || this.text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    return Math.min(starts[p.line] + Math.max(0, p.character), lineEnd);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(Math.max(span.start, span.end)) };
  }

  /** Offset where `line` starts (clamped). */
  lineStart(line: number): number {
    const starts = this.lineStarts;
    return starts[Math.min(Math.max(0, line), starts.length - 1)];
  }

  /** The text of `line` without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    if (line < 0 || line >= starts.length) return '';
    const end = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    return this.text.slice(starts[line], end).replace(/\r?\n$|\r$/, '');
  }
}

/** True when the two ranges share at least one position (touching ranges count: a cursor at a squiggle's end). */
export function rangesTouch(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(x: Position, y: Position): boolean {
  return x.line < y.line || (x.line === y.line && x.character < y.character);
}
