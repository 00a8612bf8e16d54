// Whether code runs only when a lookup found nothing. A cached "nothing" (`''`, `null`, a
// NOT_FOUND constant) remembers a miss only where it is written on the miss: in `if (!row)`, the
// `else` of `if (row)`, after `if (row) return row;`, in a `catch`, in `row ?? cache.set(k, NONE)`.
// The same value written on every path is a flag or a timer (`setex('game:timer:1', t, '')` once a
// game starts), not negative caching (negative-cache-on-create).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { declarationOf, enclosingFunction, unwrap } from '../../syntax/scope';

/** Whether `node` runs only on a path where a value that was looked up is missing. */
export function onAbsentPath(node: ts.Node, ctx: FileCtx): boolean {
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isIfStatement(p)) {
      if (child === p.thenStatement && implies(p.expression, true, ctx, p.elseStatement)) return true;
      if (child === p.elseStatement && implies(p.expression, false, ctx, p.thenStatement)) return true;
    } else if (ts.isConditionalExpression(p)) {
      if (child === p.whenTrue && implies(p.condition, true, ctx, p.whenFalse)) return true;
      if (child === p.whenFalse && implies(p.condition, false, ctx, p.whenTrue)) return true;
    } else if (ts.isCatchClause(p)) {
      // Pattern: try { row = await api.get(id) } catch { await cache.set(k, NOT_FOUND) } — a 404 thrown
      return true;
    } else if (ts.isBinaryExpression(p) && child === p.right) {
      const op = p.operatorToken.kind;
      // Pattern: row ?? cache.set(k, NONE) / row || cache.set(k, NONE) / !row && cache.set(k, NONE)
      if ((op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) && implies(p.left, false, ctx)) return true;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken && implies(p.left, true, ctx)) return true;
    } else if (ts.isBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isSourceFile(p)) {
      // Pattern: if (row) return row; … await cache.set(k, NONE) — an earlier exit when found
      for (const s of p.statements) {
        if (s === child) break;
        if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement) && implies(s.expression, false, ctx)) return true;
      }
    }
    if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

/**
 * Whether the function around `node` awaits something before it: a function that looks nothing up
 * first (`rememberMissing(slug) { return redis.set(k, NONE) }`) is a helper whose callers decide
 * when it runs, so only a write after a lookup can be judged by its own branches.
 */
export function awaitsBefore(node: ts.Node): boolean {
  const fn: ts.Node = enclosingFunction(node) ?? node.getSourceFile();
  const before = node.getStart();
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || n.pos >= before) return;
    if (ts.isAwaitExpression(n) && n.end <= before) {
      found = true;
      return;
    }
    if (ts.isFunctionLike(n) && n !== fn) return;
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

/** Whether a statement always leaves the block: return, throw, continue, break (alone or last in a block). */
export function exits(s: ts.Statement): boolean {
  if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]);
  return ts.isReturnStatement(s) || ts.isThrowStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s);
}

/**
 * Whether condition `e` having the value `holds` means a looked-up value is missing: `if (!row)`
 * (true), the else of `if (row)` (false), `if (!row || expired)` (true), the code after
 * `if (row) return row` (false). A test of something else (`match.startedAt`, `engine.isEnded`)
 * says nothing, and neither does a condition that only sometimes follows from a miss.
 */
function implies(expr: ts.Expression, holds: boolean, ctx: FileCtx, sibling?: ts.Node): boolean {
  const e = unwrap(expr);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return implies(e.operand, !holds, ctx, sibling);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    // A && B holds: both do (either may tell); fails: one does (both must tell). || the other way round.
    if (op === ts.SyntaxKind.AmpersandAmpersandToken)
      return holds ? implies(e.left, true, ctx, sibling) || implies(e.right, true, ctx, sibling) : implies(e.left, false, ctx, sibling) && implies(e.right, false, ctx, sibling);
    if (op === ts.SyntaxKind.BarBarToken)
      return holds ? implies(e.left, true, ctx, sibling) && implies(e.right, true, ctx, sibling) : implies(e.left, false, ctx, sibling) || implies(e.right, false, ctx, sibling);
  }
  const t = absenceTest(e, ctx, sibling);
  // the test is "missing" exactly: holding means missing when it tests absence, else when it fails
  return t !== undefined && t === holds;
}

/**
 * A test of whether a looked-up value is there: true when the test holds exactly when it is
 * missing (`row == null`, `rows.length === 0`), false when exactly when it is there (`row`,
 * `row !== undefined`, `rows.length > 0`), undefined for anything else.
 */
function absenceTest(e: ts.Expression, ctx: FileCtx, sibling: ts.Node | undefined): boolean | undefined {
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const eq = op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsEqualsToken;
    const ne = op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
    if (eq || ne) {
      // Pattern: row == null / row === undefined / rows.length === 0 / typeof row === 'undefined'
      const [value, other] = isNothing(e.right) ? [e.left, e.right] : isNothing(e.left) ? [e.right, e.left] : [undefined, undefined];
      if (!value || !other) return undefined;
      const v = unwrap(value);
      const typeofTest = ts.isTypeOfExpression(v);
      if (typeofTest && !(ts.isStringLiteralLike(unwrap(other)) && (unwrap(other) as ts.StringLiteralLike).text === 'undefined')) return undefined;
      return subjectLooked(typeofTest ? v.expression : v, ctx, sibling) ? eq : undefined;
    }
    // Pattern: rows.length > 0 / count > 0
    const right = unwrap(e.right);
    if (op === ts.SyntaxKind.GreaterThanToken && ts.isNumericLiteral(right) && right.text === '0') return subjectLooked(e.left, ctx, sibling) ? false : undefined;
    return undefined;
  }
  // Pattern: if (row) / if (rows.length) / if (await cache.get(k)) — truthiness
  return subjectLooked(e, ctx, sibling) ? false : undefined;
}

/**
 * The value itself (`row`, `rows.length`, an awaited call). A property of it (`result.segmentId`)
 * only as "the value or nothing": the other branch of the test uses that very property (`if
 * (result.segmentId) set(k, result.segmentId) else set(k, 'null')`). A state flag (`if
 * (engine.isEnded) … else setex(timer, t, '')`, `if (match == null || match.startedAt) return`)
 * says nothing about a miss.
 */
function subjectLooked(expr: ts.Expression, ctx: FileCtx, sibling: ts.Node | undefined): boolean {
  let e = unwrap(expr);
  if (ts.isNonNullExpression(e)) e = unwrap(e.expression);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'length') e = unwrap(e.expression);
  if (sibling && ts.isPropertyAccessExpression(e) && sibling.getText().includes(e.getText()))
    while (ts.isPropertyAccessExpression(e) || ts.isNonNullExpression(e)) e = unwrap(e.expression);
  if (ts.isAwaitExpression(e) || ts.isCallExpression(e)) return true;
  return ts.isIdentifier(e) && looked(e, ctx);
}

/** `null`, `undefined`, `0`, `''`, `'undefined'` (the other side of a typeof): what "not found" compares with. */
function isNothing(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (e.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isIdentifier(e) && e.text === 'undefined') return true;
  if (ts.isNumericLiteral(e) && e.text === '0') return true;
  return ts.isStringLiteralLike(e) && (e.text === '' || e.text === 'undefined');
}

/**
 * Whether `e` can hold a looked-up value: an awaited or called result, a parameter, a variable
 * assigned from one. Not a value built here (`new Game(…)`, a literal, a function): a branch on
 * `engine.isEnded` says nothing about whether a row was found.
 */
function looked(e: ts.Identifier, ctx: FileCtx): boolean {
  const d = declarationOf(e, ctx.facts.imports);
  if (d?.t !== 'var') return true;
  const init = d.node.initializer && unwrap(d.node.initializer);
  if (!init) return true;
  return !(
    ts.isNewExpression(init) ||
    ts.isObjectLiteralExpression(init) ||
    ts.isArrayLiteralExpression(init) ||
    ts.isStringLiteralLike(init) ||
    ts.isNumericLiteral(init) ||
    ts.isTemplateExpression(init) ||
    ts.isArrowFunction(init) ||
    ts.isFunctionExpression(init) ||
    init.kind === ts.SyntaxKind.TrueKeyword ||
    init.kind === ts.SyntaxKind.FalseKeyword
  );
}
