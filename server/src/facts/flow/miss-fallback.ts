// Does a cache read fall back to a source when it misses? `const c = await redis.get(k); if (c)
// return c; const row = await prisma.user.findUnique(q)` loads the row after a miss: that key is a
// cache (filled from a source, model/roles.ts), and a TTL on it is safe to add. A read whose
// result is used as it is (a membership check, a session lookup, a queue peek) has no fallback:
// there a TTL would make reads come back empty, and missing-ttl says so instead of offering one.
// a local alias: every `ts.` access is then a plain variable, not the bundle's re-export getter
import { ts as tsMorphTs } from 'ts-morph';
import ts = tsMorphTs;
import type { FileCtx } from '../context';
import { enclosingFunction, isFunctionLike, unwrap } from '../../syntax/scope';
import type { ValueSource } from '../types';
import { isHttpCall, strongest } from './value-sources';

/** `cached ?? x`, `cached || x`: the right side is what a miss gives. */
function isFallbackOperator(k: ts.SyntaxKind): boolean {
  return k === ts.SyntaxKind.QuestionQuestionToken || k === ts.SyntaxKind.BarBarToken;
}

/**
 * The strongest source loaded when the read `call` misses, or undefined when nothing is loaded.
 * `cacheCalls` are the file's recognised cache calls: loading from the cache again is no source.
 */
export function missFallback(call: ts.CallExpression, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>): ValueSource | undefined {
  // Pattern: cache.wrap(key, () => prisma.user.findUnique(q)) / remember(key, 60, async () => …)
  for (const a of call.arguments) {
    const f = unwrap(a);
    if (ts.isArrowFunction(f) || ts.isFunctionExpression(f)) return sourcesIn(f.body, ctx, cacheCalls, -1) ?? 'call';
  }
  // climb from the read to what holds its result
  let e: ts.Node = call;
  while (e.parent && (ts.isAwaitExpression(e.parent) || ts.isParenthesizedExpression(e.parent) || ts.isAsExpression(e.parent) || ts.isNonNullExpression(e.parent)))
    e = e.parent;
  const holder = e.parent;
  if (!holder) return undefined;
  // Pattern: return (await redis.get(k)) ?? (await load(k))
  if (ts.isBinaryExpression(holder) && holder.left === e && isFallbackOperator(holder.operatorToken.kind))
    return sourcesIn(holder.right, ctx, cacheCalls, -1);
  const fn = enclosingFunction(call);
  if (!fn?.body) return undefined;
  const after = call.end;
  // Pattern: if (!(await redis.exists(k))) { … load … }
  if (ts.isIfStatement(holder) || (ts.isPrefixUnaryExpression(holder) && holder.parent && ts.isIfStatement(holder.parent)))
    return sourcesIn(fn.body, ctx, cacheCalls, after);
  // Pattern: const cached = await redis.get(k); if (cached) return JSON.parse(cached); … load …
  let name: string | undefined;
  if (ts.isVariableDeclaration(holder) && holder.initializer === e && ts.isIdentifier(holder.name)) name = holder.name.text;
  else if (ts.isBinaryExpression(holder) && holder.right === e && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(holder.left))
    name = holder.left.text;
  if (!name || !testedIn(fn.body, name, after)) return undefined;
  return sourcesIn(fn.body, ctx, cacheCalls, after);
}

/** `name` is tested after `after`: `if (name)`, `!name`, `name ? … : …`, `name ?? …`, `name === null`. */
function testedIn(body: ts.Node, name: string, after: number): boolean {
  let found = false;
  const mentions = (n: ts.Node): boolean => {
    if (ts.isIdentifier(n) && n.text === name) return true;
    if (isFunctionLike(n)) return false;
    return !!ts.forEachChild(n, (c) => (mentions(c) ? true : undefined));
  };
  const visit = (n: ts.Node): void => {
    if (found || n.end <= after) return;
    if (n.pos >= after) {
      if (ts.isIfStatement(n) && mentions(n.expression)) found = true;
      else if (ts.isConditionalExpression(n) && mentions(n.condition)) found = true;
      else if (ts.isBinaryExpression(n) && isFallbackOperator(n.operatorToken.kind) && mentions(n.left)) found = true;
      else if (ts.isPrefixUnaryExpression(n) && n.operator === ts.SyntaxKind.ExclamationToken && mentions(n.operand)) found = true;
      if (found) return;
    }
    if (!isFunctionLike(n) || n === body) ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/**
 * The strongest source loaded in `node` after offset `after` (-1: anywhere): a database call, an
 * HTTP request, or another awaited call that is not a cache call.
 */
function sourcesIn(node: ts.Node, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>, after: number): ValueSource | undefined {
  let s: ValueSource | undefined;
  const visit = (n: ts.Node): void => {
    if (s === 'db' || n.end <= after) return;
    if ((ts.isCallExpression(n) || ts.isTaggedTemplateExpression(n)) && n.pos >= after && !cacheCalls.has(n)) {
      if (ctx.db?.recognise(n)) s = 'db';
      else if (ts.isCallExpression(n) && isHttpCall(unwrap(n.expression), ctx)) s = strongest(s, 'http');
      else if (n.parent && ts.isAwaitExpression(n.parent)) s = strongest(s, 'call');
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return s;
}
