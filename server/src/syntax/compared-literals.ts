// The string literals code compares a value with: `channel === 'orders'`, `case 'orders':`,
// `['create', 'update'].includes(params.action)`. A listener that tests its channel, a middleware
// that tests its action: the literals name what it handles (facts/flow/events.ts, facts/db/hooks.ts).
import { ts } from 'ts-morph';
import { unwrap } from './scope';

/** The string literals `body` compares an expression `isSubject` accepts with (`===`/`==`, `case`, `[…].includes(x)`). */
export function comparedLiterals(body: ts.Node, isSubject: (e: ts.Expression) => boolean): string[] {
  const out = new Set<string>();
  const lit = (e: ts.Expression | undefined) => {
    const u = e && unwrap(e);
    if (u && ts.isStringLiteralLike(u)) out.add(u.text);
  };
  const visit = (n: ts.Node): void => {
    const k = ts.isBinaryExpression(n) ? n.operatorToken.kind : undefined;
    if (ts.isBinaryExpression(n) && (k === ts.SyntaxKind.EqualsEqualsEqualsToken || k === ts.SyntaxKind.EqualsEqualsToken)) {
      if (isSubject(n.left)) lit(n.right);
      else if (isSubject(n.right)) lit(n.left);
    } else if (ts.isSwitchStatement(n) && isSubject(n.expression)) {
      for (const c of n.caseBlock.clauses) if (ts.isCaseClause(c)) lit(c.expression);
    } else if (ts.isCallExpression(n) && n.arguments.length === 1 && isSubject(n.arguments[0]) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'includes') {
      const arr = unwrap(n.expression.expression);
      if (ts.isArrayLiteralExpression(arr)) arr.elements.forEach((x) => lit(x as ts.Expression));
    }
    ts.forEachChild(n, visit);
  };
  visit(body);
  return [...out].sort();
}
