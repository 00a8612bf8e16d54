// Where a JSON path sits in a JSON (or JSON-with-comments) text: the editor opens a broken
// `.cachelintrc.json` at the key a config error names, not at its first line. A small tolerant
// scanner, no parser dependency: it only has to walk objects and arrays to one key.

export interface JsonSpan {
  start: number;
  end: number;
}

/**
 * The span of the property name at `path` (`['rules', 'missing-tll']`), or of the array element at
 * a numeric last step (`['ignore', 2]`). Undefined when the text does not hold it (or cannot be
 * scanned that far); the nearest existing ancestor is then the caller's best guess.
 */
export function locateJsonPath(text: string, path: readonly (string | number)[]): JsonSpan | undefined {
  const s = new Scanner(text);
  let found: JsonSpan | undefined;
  const value = (depth: number): boolean => {
    s.skip();
    const c = text[s.i];
    if (c === '{') {
      s.i++;
      for (;;) {
        s.skip();
        if (text[s.i] === '}') {
          s.i++;
          return true;
        }
        const keyStart = s.i;
        const key = s.string();
        if (key === undefined) return false;
        const keySpan = { start: keyStart, end: s.i };
        s.skip();
        if (text[s.i] !== ':') return false;
        s.i++;
        const match = depth < path.length && path[depth] === key;
        if (match && depth === path.length - 1) {
          found = keySpan;
          return false; // done: stop the walk
        }
        if (match) return value(depth + 1);
        if (!value(path.length)) return false; // past the path: a value to skip
        s.skip();
        if (text[s.i] === ',') s.i++;
      }
    }
    if (c === '[') {
      s.i++;
      for (let index = 0; ; index++) {
        s.skip();
        if (text[s.i] === ']') {
          s.i++;
          return true;
        }
        const match = depth < path.length && path[depth] === index;
        const start = s.i;
        if (match && depth === path.length - 1) {
          value(path.length);
          found = { start, end: s.i };
          return false;
        }
        if (match) return value(depth + 1);
        if (!value(path.length)) return false;
        s.skip();
        if (text[s.i] === ',') s.i++;
      }
    }
    if (c === '"') return s.string() !== undefined;
    // a number, true, false, null
    const m = /^[^\s,:\]}[{"/]+/.exec(text.slice(s.i, s.i + 64));
    if (!m) return false;
    s.i += m[0].length;
    return true;
  };
  if (path.length > 0) value(0);
  return found;
}

class Scanner {
  i = 0;
  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.i = 1;
  }

  /** Skips whitespace and comments. */
  skip(): void {
    const t = this.text;
    for (;;) {
      while (this.i < t.length && /\s/.test(t[this.i])) this.i++;
      if (t.startsWith('//', this.i)) {
        const nl = t.indexOf('\n', this.i);
        this.i = nl < 0 ? t.length : nl;
      } else if (t.startsWith('/*', this.i)) {
        const close = t.indexOf('*/', this.i + 2);
        this.i = close < 0 ? t.length : close + 2;
      } else return;
    }
  }

  /** Reads a string literal at the cursor; its decoded value, or undefined when there is none. */
  string(): string | undefined {
    const t = this.text;
    if (t[this.i] !== '"') return undefined;
    let j = this.i + 1;
    while (j < t.length && t[j] !== '"' && t[j] !== '\n') j += t[j] === '\\' ? 2 : 1;
    if (t[j] !== '"') return undefined;
    const raw = t.slice(this.i, j + 1);
    this.i = j + 1;
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }
}
