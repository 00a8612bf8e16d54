// JSON with comments, as .cachelintrc.json, tsconfig.json and jsconfig.json are written: `//` and
// `/* */` comments, and (tsconfig only) trailing commas. Read as data, never evaluated.

/** Replaces `//` and `/* *\/` comments outside strings with spaces, so JSON.parse offsets stay right. */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const block = text[i + 1] === '*';
      const close = block ? text.indexOf('*/', i + 2) : text.indexOf('\n', i);
      const end = close < 0 ? text.length : block ? close + 2 : close;
      out += text.slice(i, end).replace(/[^\r\n]/g, ' ');
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Replaces commas outside strings that only whitespace separates from a `}` or `]` with a space. */
function stripTrailingCommas(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] === '}' || text[j] === ']') {
        out += ' ';
        i++;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/** Parses tsconfig-style JSON (BOM, comments, trailing commas). Throws SyntaxError on anything else. */
export function parseJsonc(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return JSON.parse(stripTrailingCommas(stripJsonComments(body)));
}
