// A read that only asks whether some work was already done, and turns the request away when it was:
// `const seen = await redis.get(`req:${txId}`); if (seen && JSON.parse(seen).status === 'success')
// throw new ConflictException()`. The key is an idempotency marker, whatever it holds: nothing serves
// its value as data (model/roles.ts), so no write after a commit races a reader of it.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { enclosingFunction, isFunctionLike, mentionsName, unwrap } from '../../syntax/scope';
import { isAssignmentOperator, isEqualityOperator, isLogicalOperator } from '../../syntax/operators';
import { boundName, isJsonParseOf } from '../../syntax/bound-value';

const READ = /^(get|hget|hgetall|exists|fetch|read)$/i;
/** Words of an answer that turns a repeated request away. */
const REJECTION_WORDS = /duplicate|conflict|already|exists|processed|repeat/i;
/** How many names a value may be copied into (`const parsed = JSON.parse(seen)`) before we stop. */
const MAX_NAMES = 3;

/** Post-walk: marks the reads whose value is only checked to turn away work already done (CallFact.guard). */
export function recordGuardReads(ctx: FileCtx): void {
  const { calls } = ctx.facts;
  for (let i = 0; i < calls.length; i++) {
    const node = ctx.callNodes[i];
    if (!node || calls[i].fn === 0 || !READ.test(calls[i].method)) continue;
    if (isGuard(node)) calls[i].guard = true;
  }
}

function isGuard(call: ts.Node): boolean {
  const first = boundName(call);
  const fn = first && enclosingFunction(call);
  if (!first || !fn?.body) return false;
  const names = [first];
  let turnsAway = false;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    let ok = true;
    const visit = (n: ts.Node): void => {
      if (!ok) return;
      if (ts.isIdentifier(n) && n !== name && n.text === name.text && isReference(n)) {
        const use = useOf(n, name.text);
        if (use === 'other') ok = false;
        else if (use === 'rejects') turnsAway = true;
        else if (typeof use === 'object') {
          if (names.length >= MAX_NAMES) ok = false;
          else names.push(use);
        }
        return;
      }
      ts.forEachChild(n, visit);
    };
    // `const` and `let` names live in their block: two `const parsed` in sibling blocks are two names
    visit(blockOf(name) ?? fn.body);
    if (!ok) return false;
  }
  return turnsAway;
}

/** The block or function body a declared name is scoped to. */
function blockOf(name: ts.Identifier): ts.Node | undefined {
  for (let n: ts.Node = name.parent; n; n = n.parent) {
    if (ts.isBlock(n) || ts.isSourceFile(n)) return n;
    if (isFunctionLike(n)) return undefined;
  }
  return undefined;
}

/** `x.name` is a property, `{ name: … }` a key: neither refers to the variable. */
function isReference(n: ts.Identifier): boolean {
  const p = n.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === n) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === n) return false;
  return true;
}

/**
 * What one reference does with the value: tests it (`'test'`), tests it and turns the request away on
 * a hit (`'rejects'`), copies it into another name (that name), or anything else (`'other'`), which
 * includes serving it. Inside the branch that turns the request away, any use is fine: the answer may
 * echo what was stored (`return { status: 409, data: JSON.parse(seen) }`).
 */
function useOf(ref: ts.Identifier, name: string): 'test' | 'rejects' | 'other' | ts.Identifier {
  let cur: ts.Node = ref;
  // climb through what keeps the value: await, parentheses, casts, JSON.parse, a field (`parsed.status`)
  for (;;) {
    const p: ts.Node = cur.parent;
    if (ts.isAwaitExpression(p) || ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p)) cur = p;
    else if (isJsonParseOf(p, cur)) cur = p;
    else if (ts.isPropertyAccessExpression(p) && p.expression === cur) cur = p;
    else break;
  }
  const p = cur.parent;
  if (ts.isVariableDeclaration(p) && p.initializer === cur && ts.isIdentifier(p.name)) return p.name;
  if (ts.isBinaryExpression(p) && p.left === cur && isAssignmentOperator(p.operatorToken.kind)) return 'other';
  const test = testOf(cur);
  if (test) return test.hit && rejectsWhenTrue(test.node) ? 'rejects' : 'test';
  return insideRejection(cur, name) || logged(cur) ? 'test' : 'other';
}

/** Logging a value serves nothing: `console.log(`already done (${p.status})`)`, `this.logger.warn(…)`. */
const LOG_CALL = /^(console|(this\.)?_?logger|(this\.)?_?log)\.(log|info|warn|error|debug|trace|verbose)$/i;

function logged(e: ts.Node): boolean {
  for (let n: ts.Node = e; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) return LOG_CALL.test(p.expression.getText());
    if (ts.isStatement(p) || isFunctionLike(p)) return false;
  }
  return false;
}

/** The condition `e` is part of, and whether it holds on a hit: `if (seen)`, `seen && …`, `p.status === 'done'`. */
function testOf(e: ts.Node): { node: ts.Expression; hit: boolean } | undefined {
  const p = e.parent;
  if (ts.isBinaryExpression(p) && isEqualityOperator(p.operatorToken.kind)) {
    const other = unwrap(p.left === e ? p.right : p.left);
    const k = p.operatorToken.kind;
    const positive = k === ts.SyntaxKind.EqualsEqualsEqualsToken || k === ts.SyntaxKind.EqualsEqualsToken;
    const literal = ts.isStringLiteralLike(other) || ts.isNumericLiteral(other) || other.kind === ts.SyntaxKind.TrueKeyword;
    return { node: p, hit: positive && literal };
  }
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return { node: p, hit: false };
  if ((ts.isIfStatement(p) && p.expression === e) || (ts.isBinaryExpression(p) && isLogicalOperator(p.operatorToken.kind))) return { node: e as ts.Expression, hit: true };
  if (ts.isConditionalExpression(p) && p.condition === e) return { node: e as ts.Expression, hit: false };
  return undefined;
}

/** `test` is (an operand of) an `if`'s condition whose branch turns the request away. */
function rejectsWhenTrue(test: ts.Expression): boolean {
  let cur: ts.Node = test;
  while (ts.isParenthesizedExpression(cur.parent) || (ts.isBinaryExpression(cur.parent) && isLogicalOperator(cur.parent.operatorToken.kind))) cur = cur.parent;
  const stmt = cur.parent;
  return ts.isIfStatement(stmt) && stmt.expression === cur && rejects(stmt.thenStatement);
}

/** `e` sits in the branch of an `if` testing `name` that refuses the request (a throw, a 409 answer). */
function insideRejection(e: ts.Node, name: string): boolean {
  for (let n: ts.Node = e; n.parent; n = n.parent) {
    const p = n.parent;
    if (isFunctionLike(p)) return false;
    if (ts.isIfStatement(p) && p.thenStatement === n && mentionsName(p.expression, name) && rejects(p.thenStatement, true)) return true;
  }
  return false;
}

/**
 * A branch that ends by turning the request away: `throw …`, a bare `return;`, or an answer that says
 * so (`return { status_code: 409, status: 'duplicate' }`, `return res.status(409).json(…)`).
 */
function rejects(branch: ts.Statement, answered = false): boolean {
  const body = ts.isBlock(branch) ? branch.statements : [branch];
  const last = body[body.length - 1];
  if (!last) return false;
  if (ts.isThrowStatement(last)) return true;
  if (!ts.isReturnStatement(last)) return false;
  // a bare `return;` after using the value may have served it (`ctx.body = hit; return;`): only an
  // answer that refuses says the value was no data
  if (!last.expression) return !answered;
  return refusal(unwrap(last.expression));
}

/** An answer whose status is a client error, or whose words say the request was a repeat. */
function refusal(e: ts.Expression): boolean {
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.some((p) => ts.isPropertyAssignment(p) && (clientError(p.initializer) || (ts.isStringLiteralLike(p.initializer) && REJECTION_WORDS.test(p.initializer.text))));
  }
  // Pattern: return res.status(409).json({ … })
  for (let c: ts.Expression = e; ts.isCallExpression(c); ) {
    const callee = c.expression;
    if (!ts.isPropertyAccessExpression(callee)) break;
    if (callee.name.text === 'status' && c.arguments.length === 1 && clientError(c.arguments[0])) return true;
    c = callee.expression;
  }
  return false;
}

function clientError(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isNumericLiteral(u) && Number(u.text) >= 400 && Number(u.text) < 500;
}
