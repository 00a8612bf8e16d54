// What the code does with the value a read returns: which fields of it it uses. `const p = await
// cache.fetch(id); if (p.userHost === null) …` uses `userHost` and nothing else; `return p`,
// `render(p)` or `{ ...p }` pass the whole value on, and then nobody can say (no `uses` recorded).
// missing-invalidation asks this of every reader of a cached row: a write changing only columns no
// reader uses leaves nothing stale that anyone sees (rules/read-fields.ts).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { enclosingFunction, propertyNameText } from '../../syntax/scope';
import { resolveName } from '../../syntax/local-values';
import type { ImportFact } from '../types';
import { isAssignmentOperator, isEqualityOperator } from '../../syntax/operators';
import { isJsonParseOf } from '../../syntax/bound-value';

/** Methods whose result may be a cached value. */
const READ_METHOD = /get|fetch|read|load|find|wrap|remember|lookup/i;
/**
 * Members that use the value as a whole: a list's iteration and copies, a map's lookups, a
 * document's serialisation. `rows.map(r => r.name)` uses every row's fields, which nobody saw.
 */
const WHOLE_VALUE = /^(map|filter|find|findIndex|findLast|findLastIndex|forEach|some|every|reduce|reduceRight|flatMap|flat|slice|sort|toSorted|toReversed|reverse|entries|values|keys|at|concat|join|splice|indexOf|lastIndexOf|includes|get|has|toJSON|toObject|valueOf|toString|length|size)$/;
/** How many names a value may pass through (`const p = await …; const q = p;`) before we stop. */
const MAX_DEPTH = 4;

/** Post-walk: the fields each read-like call's result is used for, where all its uses are seen. */
export function recordReadUses(ctx: FileCtx): void {
  const { calls } = ctx.facts;
  for (let i = 0; i < calls.length; i++) {
    const node = ctx.callNodes[i];
    if (!node || calls[i].fn === 0 || !READ_METHOD.test(calls[i].method)) continue;
    const acc: Acc = { fields: new Set(), members: new Set(), imports: ctx.facts.imports };
    if (!usesOf(node, acc, 0)) continue;
    calls[i].uses = {
      fields: [...acc.fields].sort(),
      ...(acc.members.size ? { members: [...acc.members].sort() } : {}),
      ...(acc.returned ? { returned: true as const } : {}),
    };
  }
}

interface Acc {
  fields: Set<string>;
  members: Set<string>;
  returned?: true;
  /** the file's imports, to find the functions the value is handed to */
  imports: readonly ImportFact[];
}

/** Adds what `e`'s value is used for to `acc`; false when some use passes the whole value on. */
function usesOf(e: ts.Expression, acc: Acc, depth: number): boolean {
  let cur: ts.Node = e;
  // climb through what keeps the value as it is: await, parentheses, casts, JSON.parse
  for (;;) {
    const p: ts.Node = cur.parent;
    if (ts.isAwaitExpression(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isSatisfiesExpression(p)) cur = p;
    else if (isJsonParseOf(p, cur)) cur = p;
    else break;
  }
  const p = cur.parent;
  // Pattern: p.mutedInstances / p?.host / p['host']
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === cur) {
    const name = ts.isPropertyAccessExpression(p) ? p.name.text : ts.isStringLiteralLike(p.argumentExpression) ? p.argumentExpression.text : undefined;
    if (name === undefined) return false;
    // Pattern: cache.fetch(id).then(p => new Set(p.mutedInstances))
    if (name === 'then' && ts.isCallExpression(p.parent) && p.parent.expression === p) return thenUses(p.parent, acc, depth);
    if (WHOLE_VALUE.test(name)) return false;
    acc.fields.add(name);
    return true;
  }
  // the value itself is tested, not passed on: `if (!p)`, `p == null`, `p ? … : …`
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isIfStatement(p) && p.expression === cur) return true;
  if (ts.isConditionalExpression(p) && p.condition === cur) return true;
  if (ts.isBinaryExpression(p) && isEqualityOperator(p.operatorToken.kind)) return true;
  // Pattern: if (hit && JSON.parse(hit).status === 'ok') — the left of `&&` is only tested (`||` and `??` pass it on)
  if (ts.isBinaryExpression(p) && p.left === cur && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return true;
  if (ts.isExpressionStatement(p)) return true;
  // Pattern: if (hit) return JSON.parse(hit) — the callers' uses are the value's (rules/read-fields.ts)
  if (ts.isReturnStatement(p) || (ts.isArrowFunction(p) && p.body === cur)) {
    acc.returned = true;
    return true;
  }
  if (depth >= MAX_DEPTH) return false;
  // Pattern: const p = await cache.fetch(id) / const { host, email } = await cache.fetch(id)
  if (ts.isVariableDeclaration(p) && p.initializer === cur) return bindingUses(p.name, p, acc, depth);
  // Pattern: const [profile, mutings] = await Promise.all([cache.fetch(id), …])
  if (ts.isArrayLiteralExpression(p) && ts.isCallExpression(p.parent) && /^Promise\.all(Settled)?$/.test(p.parent.expression.getText())) {
    const index = p.elements.indexOf(cur as ts.Expression);
    const decl = awaitedDeclaration(p.parent);
    const el = decl && ts.isArrayBindingPattern(decl.name) ? decl.name.elements[index] : undefined;
    return !!el && ts.isBindingElement(el) && !el.dotDotDotToken && bindingUses(el.name, decl!, acc, depth);
  }
  // Pattern: notify(channel, events) with `function notify(channel, events)` in this file — its uses of the parameter
  if (ts.isCallExpression(p) && p.expression !== cur) return handedUses(p, cur as ts.Expression, acc, depth);
  // Pattern: this.userProfile = profile — its uses are the member's (rules/read-fields.ts)
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === cur && ts.isPropertyAccessExpression(p.left) && p.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
    acc.members.add(p.left.name.text);
    return ts.isExpressionStatement(p.parent);
  }
  return false;
}

/** The uses of a value handed as a plain argument to a function of this file: its parameter's uses there. */
function handedUses(call: ts.CallExpression, arg: ts.Expression, acc: Acc, depth: number): boolean {
  const i = call.arguments.indexOf(arg);
  const t = i >= 0 && ts.isIdentifier(call.expression) ? resolveName(call.expression, acc.imports) : undefined;
  const fn = t?.t === 'fn' ? t.fn : undefined;
  const param = fn?.parameters[i];
  if (!fn?.body || !param || param.dotDotDotToken) return false;
  // a function returning the value hands it on again: nobody here can say which fields matter
  const inner: Acc = { fields: new Set(), members: new Set(), imports: acc.imports };
  if (!bindingUses(param.name, fn.body, inner, depth + 1) || inner.returned) return false;
  for (const f of inner.fields) acc.fields.add(f);
  for (const m of inner.members) acc.members.add(m);
  return true;
}

/** `const [a, b] = await Promise.all([…])`: the declaration the awaited call initialises. */
function awaitedDeclaration(call: ts.CallExpression): ts.VariableDeclaration | undefined {
  let cur: ts.Node = call;
  while (ts.isAwaitExpression(cur.parent) || ts.isParenthesizedExpression(cur.parent)) cur = cur.parent;
  return ts.isVariableDeclaration(cur.parent) && cur.parent.initializer === cur ? cur.parent : undefined;
}

/** The uses of what a declaration binds: a name's references, or the properties it destructures. */
function bindingUses(name: ts.BindingName, decl: ts.Node, acc: Acc, depth: number): boolean {
  if (ts.isObjectBindingPattern(name)) {
    for (const el of name.elements) {
      const prop = propertyNameText(el.propertyName ?? el.name);
      if (el.dotDotDotToken || prop === undefined) return false;
      acc.fields.add(prop);
    }
    return true;
  }
  if (!ts.isIdentifier(name)) return false;
  const scope = enclosingFunction(decl)?.body ?? decl.getSourceFile();
  return referencesUses(name, scope, acc, depth);
}

/** Every reference of `name` in `scope` uses fields only. */
function referencesUses(name: ts.Identifier, scope: ts.Node, acc: Acc, depth: number): boolean {
  let closed = true;
  const visit = (n: ts.Node): void => {
    if (!closed) return;
    if (ts.isIdentifier(n) && n !== name && n.text === name.text) {
      const p = n.parent;
      // `x.name` is a property, not a reference
      if (ts.isPropertyAccessExpression(p) && p.name === n) return;
      if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === n) return;
      // another binding of the same name, or the name assigned again: nobody can say which value is used
      if (ts.isBindingElement(p) || ts.isVariableDeclaration(p) || ts.isParameter(p) || (ts.isBinaryExpression(p) && p.left === n && isAssignmentOperator(p.operatorToken.kind))) closed = false;
      else if (!usesOf(n, acc, depth + 1)) closed = false;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return closed;
}

/** `.then(p => …)`: the callback's uses of its parameter; the callback's result is another value. */
function thenUses(call: ts.CallExpression, acc: Acc, depth: number): boolean {
  const cb = call.arguments[0];
  if (call.arguments.length !== 1 || !cb || !(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb))) return false;
  const param = cb.parameters[0];
  if (!param) return true;
  if (depth >= MAX_DEPTH) return false;
  // a callback returning its parameter as it is passes the value on: `.then(p => p)`
  if (ts.isArrowFunction(cb) && ts.isIdentifier(param.name) && ts.isIdentifier(cb.body) && cb.body.text === param.name.text) return false;
  return bindingUses(param.name, cb.body, acc, depth);
}
