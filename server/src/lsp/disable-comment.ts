// The "Disable cachelint <rule> for this line" edit: a `cachelint-disable-next-line` comment above
// the finding's line, in the syntax that is a comment at that spot. Inside JSX children `// …` would
// render as text, so there it is `{/* … */}`. When the line above already holds a
// disable-next-line directive, the rule joins its list instead: a second comment line would push
// the old directive off its target line and resurface what it silenced.
import type { TextEdit } from 'vscode-languageserver';
import { ts } from 'ts-morph';
import { parse } from '../syntax/walk';
import { parseDirective } from '../engine/suppress';
import type { LspText } from './positions';

const JSX_FILE = /\.(tsx|jsx|js|mjs|cjs)$/i;

export type CommentContext = 'js' | 'jsx' | 'none';

/**
 * How a comment can be written at the start of `offset`'s line. `none`: the line starts inside a
 * string or template literal, where any comment would become part of the value.
 */
export function commentContextAt(file: string, text: string, offset: number): CommentContext {
  let sf: ts.SourceFile;
  try {
    sf = parse(file, text);
  } catch {
    return 'none';
  }
  // descend to the innermost node whose full range (leading trivia included) holds the offset
  const path: ts.Node[] = [sf];
  for (;;) {
    const parent = path[path.length - 1];
    let next: ts.Node | undefined;
    ts.forEachChild(parent, (child) => {
      if (!next && child.pos <= offset && offset < child.end) next = child;
    });
    if (!next) break;
    path.push(next);
  }
  const inner = path[path.length - 1];
  // Pattern: <p>\n  Hello {name}\n</p> (the line starts in JSX text)
  if (ts.isJsxText(inner)) return 'jsx';
  // Pattern: const q = `\n${redis.set(k, v)}` (the line starts inside a template literal)
  if (isLiteralWithText(inner) && inner.getStart(sf) < offset) return 'none';
  // the outermost node that starts exactly at the offset decides: a child of a JSX element or the
  // element's closing tag sits in children context; anything else is ordinary code
  for (let i = 1; i < path.length; i++) {
    const n = path[i];
    if (n.getStart(sf) !== offset) continue;
    // Pattern: </div> (before a closing tag we are still among the children)
    if (ts.isJsxClosingElement(n) || ts.isJsxClosingFragment(n)) return 'jsx';
    const p = n.parent;
    // Pattern: <div>\n  {load(id)}\n</div> or a child element <Item />
    if ((ts.isJsxElement(p) || ts.isJsxFragment(p)) && p.children.some((c) => c === n)) return 'jsx';
    // Pattern: return (\n  <div> (the element is an expression) or onClick={…} (an attribute)
    return 'js';
  }
  return 'js';
}

function isLiteralWithText(n: ts.Node): boolean {
  return (
    ts.isStringLiteral(n) ||
    ts.isNoSubstitutionTemplateLiteral(n) ||
    n.kind === ts.SyntaxKind.TemplateHead ||
    n.kind === ts.SyntaxKind.TemplateMiddle ||
    n.kind === ts.SyntaxKind.TemplateTail
  );
}

/** The comment text of a line that holds only a comment (`// …` or `{/* … *\/}`), with its offset in the line. */
function lineComment(line: string): { comment: string; at: number } | undefined {
  const lead = line.length - line.trimStart().length;
  const body = line.trim();
  if (body.startsWith('//') || (body.startsWith('/*') && body.endsWith('*/'))) return { comment: body, at: lead };
  const jsx = /^\{\s*(\/\*.*\*\/)\s*\}$/.exec(body);
  if (jsx) return { comment: jsx[1], at: lead + body.indexOf(jsx[1]) };
  return undefined;
}

/**
 * The disable comment's edit. A new comment ends in `-- `, ESLint's reason separator, and `snippet`
 * is the same insertion as an LSP snippet with the cursor (`$0`) right there, so the reason is
 * typed next. A rule added to an existing directive has no snippet: that directive has its reason.
 */
export interface DisableEdit extends TextEdit {
  snippet?: string;
}

/** Escapes text for a snippet (LSP snippet grammar: `$`, `}` and `\` are special). */
function snippetText(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * The edit that silences `ruleId` on `line` (0-based, LSP lines), or undefined when no comment
 * can be placed there.
 */
export function disableCommentEdit(file: string, lines: LspText, line: number, ruleId: string): DisableEdit | undefined {
  const lineStart = lines.lineStart(line);
  const current = lines.lineText(line);
  const indent = /^[ \t]*/.exec(current)![0];
  if (line > 0) {
    const above = lines.lineText(line - 1);
    const c = lineComment(above);
    const d = c && parseDirective(c.comment);
    if (c && d && d.kind === 'next-line') {
      // a directive without ids already silences every rule: nothing to add
      if (d.rules.length === 0 || d.rules.some((r) => r.id === ruleId)) return undefined;
      const last = d.rules[d.rules.length - 1];
      const at = lines.offsetAt({ line: line - 1, character: c.at + last.end });
      const pos = lines.positionAt(at);
      return { range: { start: pos, end: pos }, newText: `, ${ruleId}` };
    }
  }
  const firstToken = lineStart + indent.length;
  // Without JSX, a line can only start inside a literal when a backtick opened a template before
  // it: parse only then (this runs on every lightbulb request over a finding).
  const needsParse = JSX_FILE.test(file) || lines.text.lastIndexOf('`', firstToken) >= 0;
  const context = needsParse ? commentContextAt(file, lines.text, firstToken) : 'js';
  if (context === 'none') return undefined;
  const eol = lines.text.includes('\r\n') ? '\r\n' : '\n';
  const directive = `cachelint-disable-next-line ${ruleId} -- `;
  const [open, close] = context === 'jsx' ? ['{/* ', '*/}'] : ['// ', ''];
  const pos = { line, character: 0 };
  return {
    range: { start: pos, end: pos },
    newText: `${indent}${open}${directive}${close}${eol}`,
    snippet: `${snippetText(`${indent}${open}${directive}`)}$0${snippetText(`${close ? ` ${close}` : ''}${eol}`)}`,
  };
}
