// Where code keeps the value a call returns: `const hit = await cache.get(k)`, also through
// `JSON.parse(…)`. The read recognisers (facts/flow/checked-reads.ts, guard-reads.ts, read-uses.ts)
// follow that name to see what is done with the value.
import { ts } from 'ts-morph';

/** `p` is `JSON.parse(arg)`. */
export function isJsonParseOf(p: ts.Node, arg: ts.Node): boolean {
  return ts.isCallExpression(p) && p.arguments.length === 1 && p.arguments[0] === arg && p.expression.getText() === 'JSON.parse';
}

/** `const hit = await cache.get(k)` → the identifier `hit`; also through `JSON.parse(…)`, parentheses and `as`. */
export function boundName(call: ts.Node): ts.Identifier | undefined {
  let n: ts.Node = call;
  while (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || isJsonParseOf(n.parent, n)) n = n.parent;
  const d = n.parent;
  return d && ts.isVariableDeclaration(d) && d.initializer === n && ts.isIdentifier(d.name) ? d.name : undefined;
}
