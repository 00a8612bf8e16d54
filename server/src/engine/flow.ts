// Flow files are JavaScript with type annotations TypeScript's parser does not read: analysed, they
// would be one syntax error after another (and a failed run). They are recognised the way Flow
// itself does, by the `@flow` pragma in the comments that open the file (`// @flow`,
// `/* @flow strict */`, or a license header whose docblock holds `@flow`), and skipped.
const JS_FILE = /\.(js|jsx|mjs|cjs)$/i;
/** `@flow`, `@flow strict`, `@flow weak`; not `@flowtype` or `@noflow` (an opted-out file is plain JS) */
const PRAGMA = /(^|[^\w@])@flow(?![\w-])/;

/** Whether `text` (a .js/.jsx/.mjs/.cjs file) declares itself a Flow file before any code. */
export function isFlowFile(file: string, text: string): boolean {
  if (!JS_FILE.test(file) || !text.includes('@flow')) return false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Pattern: #!/usr/bin/env node (a shebang line comes before the pragma)
  if (text.startsWith('#!', i)) {
    const nl = text.indexOf('\n', i);
    i = nl < 0 ? text.length : nl + 1;
  }
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? text.length : nl;
      if (PRAGMA.test(text.slice(i + 2, end))) return true;
      i = end;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close;
      if (PRAGMA.test(text.slice(i + 2, end))) return true;
      i = close < 0 ? text.length : close + 2;
    } else return false;
  }
}
