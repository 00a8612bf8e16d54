// What a scope writes into its names, walked once per scope however many questions are asked about
// its variables (a module-level `let` in a large file would otherwise cost a walk of the whole file
// per question): `x = v` and `[x] = v` by name, and `x.push(v)`, `x.set(k, v)`, `x[k] = v` by name. The tables
// are tree memos (syntax/tree-memo.ts): they die with the file's extraction.
import { ts } from 'ts-morph';
import { unwrap } from './scope';
import { treeMemo } from './tree-memo';

export interface Assignment {
  left: ts.Identifier;
  right: ts.Expression;
}

interface ScopeWrites {
  assigned: Map<string, Assignment[]>;
  /** names any assignment changes (`=`, `+=`, `??=`…, `++`, `--`, a destructuring target) */
  changed: Set<string>;
  /** the values put into each name: arguments of push/unshift/set/add, right sides of `x[k] = v` */
  filled: Map<string, ts.Expression[]>;
}

const writes = treeMemo<ts.Node, ScopeWrites>();

/** Methods that put a value into an array, a Map or a Set. */
const FILLS = /^(push|unshift|set|add)$/;

function add<T>(m: Map<string, T[]>, name: string, v: T): void {
  const list = m.get(name);
  if (list) list.push(v);
  else m.set(name, [v]);
}

function writesIn(scope: ts.Node): ScopeWrites {
  let w = writes.get(scope);
  if (w) return w;
  const found: ScopeWrites = { assigned: new Map(), filled: new Map(), changed: new Set() };
  const changes = (e: ts.Expression): void => {
    const u = unwrap(e);
    if (ts.isIdentifier(u)) found.changed.add(u.text);
    else if (ts.isArrayLiteralExpression(u)) u.elements.forEach((x) => !ts.isOmittedExpression(x) && changes(ts.isSpreadElement(x) ? x.expression : x));
    else if (ts.isObjectLiteralExpression(u))
      for (const p of u.properties) {
        if (ts.isShorthandPropertyAssignment(p)) found.changed.add(p.name.text);
        else if (ts.isPropertyAssignment(p)) changes(p.initializer);
        else if (ts.isSpreadAssignment(p)) changes(p.expression);
      }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) changes(n.left);
    else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) changes(n.operand);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(n.left);
      if (ts.isIdentifier(left)) add(found.assigned, left.text, { left, right: n.right });
      // Pattern: [m] = await db.select().from(members)… — an element of what the right side holds
      else if (ts.isArrayLiteralExpression(left)) {
        for (const el of left.elements) if (ts.isIdentifier(el)) add(found.assigned, el.text, { left: el, right: n.right });
      } else if (ts.isElementAccessExpression(left)) {
        const recv = unwrap(left.expression);
        if (ts.isIdentifier(recv)) add(found.filled, recv.text, n.right);
      }
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && FILLS.test(n.expression.name.text)) {
      const recv = unwrap(n.expression.expression);
      if (ts.isIdentifier(recv)) for (const a of n.arguments) add(found.filled, recv.text, a);
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(scope, visit);
  writes.set(scope, (w = found));
  return w;
}

/** Whether anything inside `scope` assigns to `name` again (`=`, `+=`, `++`, a destructuring target). */
export function reassignedIn(scope: ts.Node, name: string): boolean {
  return writesIn(scope).changed.has(name);
}

/** Every `name = <expr>` inside `scope`, by name. */
export function assignmentsIn(scope: ts.Node): ReadonlyMap<string, readonly Assignment[]> {
  return writesIn(scope).assigned;
}

/** Every value put into a name inside `scope` (`x.push(v)`, `x[k] = v`), by name. */
export function fillsIn(scope: ts.Node): ReadonlyMap<string, readonly ts.Expression[]> {
  return writesIn(scope).filled;
}
