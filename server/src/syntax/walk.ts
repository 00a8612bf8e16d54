// The single walk over a file (STYLE.md "Single walk"): parse once with the TypeScript compiler that
// ts-morph bundles, visit every node once with ts.forEachChild, and dispatch by SyntaxKind to the
// fact collectors. The walk keeps its own stack instead of recursing, so a file nested 5,000
// levels deep cannot overflow the JavaScript stack.
import { ts } from 'ts-morph';

export type Visitor = (node: ts.Node) => void;
/** A collector's visitors by node kind. Its kinds are the same for every file (facts/index.ts merges them by a plan read once). */
export type VisitorMap = Partial<Record<ts.SyntaxKind, Visitor[]>>;

export function scriptKindFor(file: string): ts.ScriptKind {
  const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
  switch (ext) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

/**
 * Parses `text` with parent pointers set (collectors look upwards for context). JSDoc comments
 * are not parsed into nodes: no recogniser reads them, and comment-heavy files parse faster.
 */
export function parse(file: string, text: string): ts.SourceFile {
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const sf = ts.createSourceFile(file, text, options, false, scriptKindFor(file));
  setParents(sf);
  return sf;
}

/**
 * Sets every node's parent, as createSourceFile's `setParentNodes` does, on an explicit stack:
 * the compiler's own pass (forEachChildRecursively) queues an array per node, about a sixth of
 * everything a file's parse and fact walk allocate. Collectors look at nodes ahead of the walk
 * (later statements, nested calls) and up from them, so every parent is set before they run.
 */
function setParents(sf: ts.SourceFile): void {
  const stack: ts.Node[] = [sf];
  let parent: ts.Node = sf;
  const adopt = (child: ts.Node) => {
    (child as { parent: ts.Node }).parent = parent;
    stack.push(child);
  };
  while (stack.length > 0) {
    parent = stack.pop()!;
    ts.forEachChild(parent, adopt);
  }
}

/**
 * Parses `text`, the same file's text after an edit, reusing `previous`, its tree before the edit:
 * ts.updateSourceFile re-parses only around the changed range (what differs between the common
 * prefix and suffix of the two texts), as tsserver does while one types. `previous` must not be
 * used afterwards: its unchanged nodes, moved to their new positions, now belong to the new tree.
 */
export function reparse(previous: ts.SourceFile, text: string): ts.SourceFile {
  const old = previous.text;
  const max = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const changed = ts.createTextChangeRange(ts.createTextSpan(prefix, old.length - prefix - suffix), text.length - prefix - suffix);
  return ts.updateSourceFile(previous, text, changed);
}

/** An octal literal or escape (`0777`, `\8`): an error only in strict code. */
function isSloppyOctal(d: ts.Diagnostic): boolean {
  return d.code === 1487 || d.code === 1121 || d.code === 1488 || d.code === 1489;
}

/**
 * Whether a script's directive prologue says "use strict" (after any comments). A scan, not a
 * regular expression: `(\/\*[\s\S]*?\*\/\s*)*` backtracks over every later comment of a file that
 * says nothing of the kind, 3 s for one 150 KB bundled library.
 */
export function startsUseStrict(text: string): boolean {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return false;
      i = nl + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else return /^['"]use strict['"]/.test(text.slice(i, i + 12));
  }
}

/** Syntax errors as the parser reports them (the file is still walked: TS recovers). */
export function parseDiagnostics(sf: ts.SourceFile): { start: number; message: string }[] {
  let diags = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  // octal literals and escapes (`\8`, `0777`) are legal in sloppy-mode scripts: TypeScript 6 reports them anyway
  // scriptKind and externalModuleIndicator are set by the parser but not in the public typings
  const internal = sf as unknown as { scriptKind: ts.ScriptKind; externalModuleIndicator?: unknown };
  if ((internal.scriptKind === ts.ScriptKind.JS || internal.scriptKind === ts.ScriptKind.JSX) && diags.some(isSloppyOctal)) {
    const strict = internal.externalModuleIndicator !== undefined || startsUseStrict(sf.text);
    if (!strict) diags = diags.filter((d) => !isSloppyOctal(d));
  }
  return diags.map((d) => ({ start: d.start, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') }));
}

/** Visits every node of `sf` once, in source order, calling the visitors registered for its kind. */
export function walk(sf: ts.SourceFile, visitors: VisitorMap): void {
  const stack: ts.Node[] = [sf];
  // children are collected after the stack's top, then reversed in place: no array per node
  const collect = (n: ts.Node) => {
    stack.push(n);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    const vs = visitors[node.kind];
    if (vs) for (const v of vs) v(node);
    const from = stack.length;
    ts.forEachChild(node, collect);
    // reverse what was pushed, so children are visited in source order
    for (let i = from, j = stack.length - 1; i < j; i++, j--) {
      const t = stack[i];
      stack[i] = stack[j];
      stack[j] = t;
    }
  }
}
