// Is a cache read made only when the caller asks for it? A read-through helper often serves the
// cache on request and the database otherwise:
//   `if (options?.readFromCache && this.cache) return this.cache.wrap(k, load); return load();`
//   `if (!opts.cached) return load(); return cache.wrap(k, load);`
// There the caller's argument decides whether the value it gets back may be a cached copy
// (rules/write-from-cache.ts reads the flag off the caller's object literal).
import { ts } from 'ts-morph';
import { declarationOf, paramPropertyOf, statementsBefore, unwrap } from '../../syntax/scope';
import type { FileCtx } from '../context';
import type { OptIn } from '../types';

/** The parameter (and its property) whose truthiness the call is guarded by, inside `fn`. */
export function optInGuardOf(call: ts.Node, fn: ts.SignatureDeclaration | undefined, ctx: FileCtx): OptIn | undefined {
  if (!fn) return undefined;
  for (let child: ts.Node = call, n = call.parent; n && n !== fn; child = n, n = n.parent) {
    let cond: ts.Expression | undefined;
    // Pattern: if (opts.cached) { … cache read … }  /  opts.cached ? cache.get(k) : load()  /  opts.cached && cache.get(k)
    if (ts.isIfStatement(n) && child === n.thenStatement) cond = n.expression;
    else if (ts.isConditionalExpression(n) && child === n.whenTrue) cond = n.condition;
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === n.right) cond = n.left;
    const found = cond && (paramFlag(cond, fn, ctx, false) ?? optOut(cond, fn, ctx));
    if (found) return found;
  }
  // Pattern: if (!opts.cached) return load();  … cache read after it
  for (const st of statementsBefore(call, fn)) {
    if (!ts.isIfStatement(st) || st.elseStatement || !exits(st.thenStatement)) continue;
    // Pattern: if (opts.bypassCache) return load(); … cache read after it (an opt-out)
    const early = paramFlag(st.expression, fn, ctx, true) ?? asOptOut(paramFlag(st.expression, fn, ctx, false));
    if (early) return early;
  }
  return undefined;
}

/** Pattern: if (!bypassCache) { … cache read … } — the read runs unless the caller turns the flag on. */
function optOut(cond: ts.Expression, fn: ts.SignatureDeclaration, ctx: FileCtx): OptIn | undefined {
  const e = unwrap(cond);
  if (!ts.isPrefixUnaryExpression(e) || e.operator !== ts.SyntaxKind.ExclamationToken) return undefined;
  return asOptOut(paramFlag(e.operand, fn, ctx, false));
}

function asOptOut(f: OptIn | undefined): OptIn | undefined {
  return f && { ...f, optOut: true };
}

/** A statement that leaves the function: `return x`, `throw e`, or a block ending in one. */
function exits(s: ts.Statement): boolean {
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
  return ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]);
}

/**
 * `p`, `p.flag`, `p?.flag` (a parameter of `fn`) as one conjunct of `cond` (`negated`: as `!p.flag`,
 * one disjunct of an early exit's condition).
 */
function paramFlag(cond: ts.Expression, fn: ts.SignatureDeclaration, ctx: FileCtx, negated: boolean): OptIn | undefined {
  const e = unwrap(cond);
  const joins = negated ? ts.SyntaxKind.BarBarToken : ts.SyntaxKind.AmpersandAmpersandToken;
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === joins) return paramFlag(e.left, fn, ctx, negated) ?? paramFlag(e.right, fn, ctx, negated);
  let x: ts.Expression = e;
  if (negated) {
    if (!ts.isPrefixUnaryExpression(e) || e.operator !== ts.SyntaxKind.ExclamationToken) return undefined;
    x = unwrap(e.operand);
  }
  let prop: string | undefined;
  if (ts.isPropertyAccessExpression(x) && ts.isIdentifier(x.name)) {
    prop = x.name.text;
    x = unwrap(x.expression);
  }
  if (!ts.isIdentifier(x)) return undefined;
  // Pattern: getClientInfo({ bypassCache = false } = {}) — a property of a destructured parameter
  const bound = !prop ? paramPropertyOf(x) : undefined;
  if (bound) {
    const index = fn.parameters.indexOf(bound.node);
    return index >= 0 ? { param: index, prop: bound.prop } : undefined;
  }
  const d = declarationOf(x, ctx.facts.imports);
  if (d?.t !== 'param' || d.fn !== fn) return undefined;
  // Pattern: get(id, useCache = true) — on unless the caller turns it off: no opt-in
  const init = d.node.initializer && unwrap(d.node.initializer);
  if (!prop && init && init.kind !== ts.SyntaxKind.FalseKeyword) return undefined;
  return { param: d.index, ...(prop ? { prop } : {}) };
}
