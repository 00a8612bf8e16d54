// Whether a call's own statement can move further down (after a transaction's commit, after the
// write it invalidates) and mean the same there: every name it uses is still in scope, none of them
// is assigned in between (`user.email = dto.email` before the save would change the key it
// deletes), and an `await` lands in an async function. Decided in phase 1, where the tree is.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { declarationOf, isFunctionLike } from '../../syntax/scope';

/** Assignments seen in the walk, by the root name they change (`user` for `user.email = …`). */
export interface MoveState {
  assigned: { name: string; pos: number }[];
}

function rootName(e: ts.Expression): string | undefined {
  let x: ts.Expression = e;
  for (;;) {
    if (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isParenthesizedExpression(x) || ts.isNonNullExpression(x)) x = x.expression;
    else break;
  }
  return ts.isIdentifier(x) ? x.text : undefined;
}

export function recordAssignment(s: MoveState, target: ts.Expression, pos: number): void {
  // Pattern: ({ a, b } = obj) — each name bound is changed
  if (ts.isObjectLiteralExpression(target) || ts.isArrayLiteralExpression(target)) {
    for (const el of ts.isObjectLiteralExpression(target) ? target.properties : target.elements) {
      const v = ts.isShorthandPropertyAssignment(el) ? el.name : ts.isPropertyAssignment(el) ? el.initializer : ts.isSpreadAssignment(el) || ts.isSpreadElement(el) ? el.expression : ts.isExpression(el) ? el : undefined;
      if (v) recordAssignment(s, v, pos);
    }
    return;
  }
  const n = rootName(target);
  if (n) s.assigned.push({ name: n, pos });
}

/** The expression statement `call` is on its own (`await redis.del(k);`), or undefined. */
export function ownStatementOf(call: ts.Node): ts.ExpressionStatement | undefined {
  let e: ts.Node = call;
  while (e.parent && (ts.isAwaitExpression(e.parent) || ts.isParenthesizedExpression(e.parent) || ts.isVoidExpression(e.parent))) e = e.parent;
  const st = e.parent;
  return st && ts.isExpressionStatement(st) ? st : undefined;
}

/** The node whose span bounds where a declaration is visible. */
function scopeOf(node: ts.Node): ts.Node | undefined {
  if (ts.isVariableDeclaration(node)) {
    const list = node.parent;
    const blockScoped = ts.isVariableDeclarationList(list) && (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== 0;
    for (let p: ts.Node | undefined = list.parent; p; p = p.parent) {
      if (isFunctionLike(p) || ts.isSourceFile(p)) return p;
      if (blockScoped && (ts.isBlock(p) || ts.isCaseBlock(p) || ts.isModuleBlock(p) || ts.isIterationStatement(p, false))) return p;
    }
    return undefined;
  }
  return node.parent;
}

/**
 * `at` (a position after the statement of `call`, where the statement would be inserted) when the
 * statement can move there unchanged in meaning; undefined otherwise.
 */
export function moveTarget(call: ts.Node, at: number, s: MoveState, ctx: FileCtx): number | undefined {
  const st = ownStatementOf(call);
  if (!st || at <= st.end) return undefined;
  const names = new Set<string>();
  let ok = true;
  let usesThis = false;
  let awaits = false;
  const visit = (n: ts.Node): void => {
    if (!ok) return;
    if (n.kind === ts.SyntaxKind.ThisKeyword) usesThis = true;
    else if (ts.isAwaitExpression(n)) awaits = true;
    else if (isFunctionLike(n)) {
      // a callback inside the statement has names of its own: keep it simple and leave such a statement be
      ok = false;
      return;
    } else if (ts.isIdentifier(n)) {
      const p = n.parent;
      // `a.b`: only `a` is a name; `{ key: v }`: `key` is none
      if ((ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n)) return;
      names.add(n.text);
      const d = declarationOf(n, ctx.facts.imports);
      if (d && d.t !== 'import') {
        const scope = scopeOf(d.node);
        if (!scope || at < scope.pos || at > scope.end) ok = false;
      }
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(st.expression);
  if (!ok) return undefined;
  if (s.assigned.some((a) => a.pos > st.end && a.pos < at && names.has(a.name))) return undefined;
  // the functions left on the way up: `this` changes at a `function`, and an `await` needs an async one
  let target: ts.Node | undefined;
  for (let p: ts.Node | undefined = st.parent; p; p = p.parent) {
    if (p.pos <= at && at <= p.end && (isFunctionLike(p) || ts.isSourceFile(p))) {
      target = p;
      break;
    }
    if (isFunctionLike(p) && usesThis && !ts.isArrowFunction(p)) return undefined;
  }
  if (!target) return undefined;
  if (awaits && isFunctionLike(target) && !ts.getModifiers(target)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return undefined;
  return at;
}
