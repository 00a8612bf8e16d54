// What a JSDoc tag says a JavaScript binding is: `/** @type {import('ioredis').Redis} */ let redis`,
// `/** @type {import('client')} */ const client = req.client`, `@param {Redis} redis`. JavaScript
// projects type their code this way; the parser skips JSDoc (syntax/walk.ts), so the comment before
// the declaration is read as text, only when a client is looked up for that binding.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';

/** The type text a JSDoc tag gives the binding `node` declares, in a JavaScript file. */
export function jsDocTypeText(node: ts.VariableDeclaration | ts.ParameterDeclaration, ctx: FileCtx): string | undefined {
  if (!/\.[cm]?jsx?$/.test(ctx.file)) return undefined;
  if (ts.isVariableDeclaration(node)) {
    const st = node.parent?.parent;
    return st && ts.isVariableStatement(st) ? tagType(commentsBefore(st, ctx), /@type\s*\{/) : undefined;
  }
  if (!ts.isIdentifier(node.name)) return undefined;
  const name = node.name.text;
  // the function's own comment, or that of the statement or member holding it (`exports.f = async (req) => …`)
  for (let n: ts.Node | undefined = node.parent; n && !ts.isSourceFile(n); n = n.parent) {
    const t = tagType(commentsBefore(n, ctx), new RegExp(`@param\\s*\\{`), name);
    if (t) return t;
    if (ts.isStatement(n) || ts.isClassElement(n) || ts.isPropertyAssignment(n)) break;
  }
  return undefined;
}

function commentsBefore(n: ts.Node, ctx: FileCtx): string[] {
  return (ts.getLeadingCommentRanges(ctx.text, n.pos) ?? []).filter((r) => r.kind === ts.SyntaxKind.MultiLineCommentTrivia).map((r) => ctx.text.slice(r.pos, r.end));
}

/** The braced type after `tag` in the last JSDoc comment that has one (for `@param`, the one naming `param`). */
function tagType(comments: readonly string[], tag: RegExp, param?: string): string | undefined {
  for (let i = comments.length - 1; i >= 0; i--) {
    const c = comments[i];
    if (!c.startsWith('/**')) continue;
    for (let at = c.search(tag); at >= 0; ) {
      const open = c.indexOf('{', at);
      const close = braceEnd(c, open);
      if (close < 0) break;
      const type = c.slice(open + 1, close).trim();
      const after = /^\s*\[?([A-Za-z_$][\w$]*)/.exec(c.slice(close + 1));
      if (param === undefined || after?.[1] === param) return type;
      const next = c.slice(close).search(tag);
      at = next < 0 ? -1 : close + next;
    }
  }
  return undefined;
}

/** The index of the `}` closing the `{` at `open` (types nest braces: `{ { a: string } }`). */
function braceEnd(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i >= 0 && i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `import('m').Name` → { module: 'm', name: 'Name' }; `import('m')` → its default; a bare name → undefined module. */
export function jsDocTypeRef(type: string): { module?: string; name: string } | undefined {
  const m = /^import\(\s*['"]([^'"]+)['"]\s*\)(?:\.([A-Za-z_$][\w$]*))?(?:<.*>)?$/.exec(type);
  if (m) return { module: m[1], name: m[2] ?? 'default' };
  const bare = /^([A-Za-z_$][\w$]*)(?:<.*>)?$/.exec(type);
  return bare ? { name: bare[1] } : undefined;
}
