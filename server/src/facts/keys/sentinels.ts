// Not-found sentinels: values a read path caches to remember "there is no such row" (negative
// caching). negative-cache-on-create reports a create path that never clears such an entry, so a
// value counts only when it plainly says "nothing": `null`, `'null'`, `''`, `'__NOT_FOUND__'`,
// `false`, `[]`. `undefined` is not one (cache libraries drop it), nor is `0`, `'OK'` or a DB row.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { resolveName } from '../../syntax/local-values';
import { enclosingFunction, unwrap } from '../../syntax/scope';
import type { SymbolRef } from '../types';
import { isSentinelName, isStateName } from './sentinel-names';

/** Bare strings that mean "nothing", compared lower-cased. */
const BARE = new Set(['', 'null', 'nil', 'not_found', 'notfound', 'not-found', '[]']);
/** Words that mean "nothing" inside underscores: `__NULL__`, `__none__`, `__NEGATIVE__`. */
const WRAPPED = new Set(['null', 'none', 'nil', 'negative', 'not_found', 'notfound', 'missing', 'miss', 'empty', 'nothing', 'absent']);

/**
 * Named tokens that mean "nothing": `MODEL_NOT_FOUND`, `NONE`, `user:missing`, `NO_RESULT` — an
 * upper-case or delimited word, never a sentence (`'not found'` text shown to a user is data).
 */
const NAMED = /^(?:[A-Z0-9]+[_:.-])*(?:NOT_?FOUND|NONE|MISSING|NIL|NULL|EMPTY|ABSENT|NO_?RESULT|NO_?SUCH|DOES_?NOT_?EXIST|NONEXISTENT)(?:[_:.-][A-Z0-9]+)*$/;
/** Lower-case forms only where they cannot be a real value (`'none'` may be a setting). */
const NAMED_LOWER = /^(?:[a-z0-9]+[_:.-])*(?:not[_-]?found|no[_-]?result|does[_-]?not[_-]?exist|nonexistent)(?:[_:.-][a-z0-9]+)*$/;

/** Whether a string value is a not-found sentinel (built-ins plus `config.sentinels`, verbatim). */
export function isSentinelString(value: string, extra: readonly string[]): boolean {
  if (extra.includes(value)) return true;
  const v = value.toLowerCase();
  if (BARE.has(v)) return true;
  const m = /^_+([a-z_-]+?)_+$/.exec(v);
  if (m && WRAPPED.has(m[1])) return true;
  return value.length <= 40 && (NAMED.test(value) || NAMED_LOWER.test(value));
}



/**
 * Whether `expr`, the value a cache write stores, is a not-found sentinel. An imported name is
 * returned as its SymbolRef: the linker decides against the exporting file's `{ t: 'sentinel' }`.
 */
export function sentinelOf(expr: ts.Expression, ctx: FileCtx): boolean | SymbolRef {
  return sentinelIn(expr, ctx, 0);
}

/** A literal that is a sentinel by itself (also used to classify exported constants). */
export function isSentinelLiteral(expr: ts.Expression, ctx: FileCtx): boolean {
  const e = unwrap(expr);
  // Pattern: cache.set(key, null) / cache.set(key, false)
  if (e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return true;
  // Pattern: cache.set(key, 'null') / cache.set(key, '__NOT_FOUND__')
  if (ts.isStringLiteralLike(e)) return isSentinelString(e.text, ctx.config.sentinels);
  // Pattern: cache.set(key, [])
  if (ts.isArrayLiteralExpression(e)) return e.elements.length === 0;
  // Pattern: export const CACHED_NULL = JSON.stringify(null)
  if (ts.isCallExpression(e) && isJsonStringify(e.expression) && e.arguments.length === 1) return isSentinelLiteral(e.arguments[0], ctx);
  return false;
}

function sentinelIn(expr: ts.Expression, ctx: FileCtx, depth: number): boolean | SymbolRef {
  if (depth > 16) return false;
  const e = unwrap(expr);
  if (isSentinelLiteral(e, ctx)) return true;
  // Pattern: redis.set(key, JSON.stringify(null))
  if (ts.isCallExpression(e) && isJsonStringify(e.expression) && e.arguments.length >= 1) return sentinelIn(e.arguments[0], ctx, depth + 1);
  // Pattern: cache.set(key, user ?? NOT_FOUND) / cache.set(key, user || 'null'): written when not found
  if (
    ts.isBinaryExpression(e) &&
    (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  ) {
    // Pattern: cache.set(key, page.payload?.html ?? '') — an empty default of a field of a row read
    // as present (`page.`, not `page?.`), no "not found"
    const right = unwrap(e.right);
    if (ts.isStringLiteralLike(right) && right.text === '' && fieldOfPresentRow(e.left)) return false;
    return sentinelIn(e.right, ctx, depth + 1);
  }
  // Pattern: cache.set(key, exists ? '1' : '0') / String(count > 0) / !!row — an existence flag
  // whose false is "not found" (the read path's lookup decides: see the negative-cache rule)
  if (isExistenceFlag(e)) return true;
  // Pattern: cache.set(key, user ? JSON.stringify(user) : 'null')
  if (ts.isConditionalExpression(e)) {
    const a = sentinelIn(e.whenTrue, ctx, depth + 1);
    const b = sentinelIn(e.whenFalse, ctx, depth + 1);
    return a === true || b === true ? true : a || b;
  }
  // Pattern: cache.set(key, NOT_FOUND) with `const NOT_FOUND = '__none__'` here or imported
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const t = resolveName(e, ctx.facts.imports);
    if (t?.t === 'import') return t.ref;
    // Pattern: cache.set(key, MODEL_NOT_FOUND) / Markers.NOT_FOUND — named for nothing, whatever it holds
    const name = lastNameOf(e);
    if (name && isSentinelName(name)) return true;
    // Pattern: const payments = []; results.forEach((r) => payments.push(r)); set(k, JSON.stringify(payments)) — filled, not "none"
    if (t?.t === 'expr' && ts.isIdentifier(e) && filledLater(e, t.expr)) return false;
    if (t?.t === 'expr') return sentinelIn(t.expr, ctx, depth + 1);
  }
  return false;
}

/** `row.field`, `row.a?.b`: a member access whose first step off its root is not optional. */
function fieldOfPresentRow(expr: ts.Expression): boolean {
  let e = unwrap(expr);
  if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return false;
  let first: ts.PropertyAccessExpression | ts.ElementAccessExpression = e;
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    first = e;
    e = unwrap(e.expression);
  }
  return ts.isIdentifier(e) && !first.questionDotToken;
}

/** An empty array a name starts as, then filled: `payments.push(p)`, `list.unshift(x)`, `out[i] = v`. */
function filledLater(id: ts.Identifier, init: ts.Expression): boolean {
  const u = unwrap(init);
  if (!ts.isArrayLiteralExpression(u) || u.elements.length > 0) return false;
  const scope = enclosingFunction(id)?.body ?? id.getSourceFile();
  const name = id.text.replace(/[$]/g, '\\$&');
  return new RegExp(`\\b${name}\\s*(?:\\.\\s*(?:push|unshift|splice)\\s*\\(|\\[[^\\]]*\\]\\s*=[^=])`).test(scope.getText());
}

/**
 * Whether `expr` is "nothing" by itself (`''`, `null`, `JSON.stringify(null)`, a sentinel
 * constant), not chosen by what a lookup returned (`row ?? NONE`, `row ? … : 'null'`, `!!row`):
 * such a value remembers a miss only where it is written on the miss (facts/flow/absent-path.ts).
 */
export function isPlainSentinel(expr: ts.Expression, ctx: FileCtx, depth = 0): boolean {
  const e = unwrap(expr);
  if (depth > 8) return false;
  if (isSentinelLiteral(e, ctx)) return true;
  if (ts.isCallExpression(e) && isJsonStringify(e.expression) && e.arguments.length === 1) return isPlainSentinel(e.arguments[0], ctx, depth + 1);
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const t = resolveName(e, ctx.facts.imports);
    if (t?.t === 'import') return true;
    const name = lastNameOf(e);
    if (name && isSentinelName(name)) return true;
    if (t?.t === 'expr') return isPlainSentinel(t.expr, ctx, depth + 1);
  }
  return false;
}

/**
 * A boolean that says whether something exists: `!!row`, `row != null`, `Boolean(row)`,
 * `count > 0`, `exists ? '1' : '0'`, `String(found)`, a name like `exists`, `found`, `hasAccess`.
 */
function isExistenceFlag(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = unwrap(u.operand);
    return ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken;
  }
  if (ts.isBinaryExpression(u)) {
    const op = u.operatorToken.kind;
    const right = u.right.getText();
    if ((op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken) && /^(null|undefined)$/.test(right)) return true;
    if (op === ts.SyntaxKind.GreaterThanToken && right === '0' && /count|length|total|size|exists/i.test(u.left.getText())) return true;
    return false;
  }
  if (ts.isCallExpression(u) && ts.isIdentifier(u.expression) && /^(Boolean|String)$/.test(u.expression.text) && u.arguments.length === 1)
    return u.expression.text === 'Boolean' || isExistenceFlag(u.arguments[0]) || isExistenceName(u.arguments[0]);
  if (ts.isCallExpression(u) && isJsonStringify(u.expression) && u.arguments.length === 1) return isExistenceFlag(u.arguments[0]) || isExistenceName(u.arguments[0]);
  if (ts.isConditionalExpression(u)) {
    const t = unwrap(u.whenTrue);
    const f = unwrap(u.whenFalse);
    const flag = (x: ts.Expression) => (ts.isStringLiteralLike(x) && /^(0|1|true|false|yes|no)$/i.test(x.text)) || ts.isNumericLiteral(x);
    // Pattern: setex(`auth:active:${id}`, ttl, status ? '1' : '0') — a state of the row, not whether it exists
    return flag(t) && flag(f) && !namesState(u.condition);
  }
  return isExistenceName(u);
}

/**
 * What an existence flag named `has<Thing>` looks for, lower-cased (`hasRestrictions` → `restrictions`),
 * through `String(…)` / `JSON.stringify(…)`; undefined for other values and other names.
 */
export function flagSubject(e: ts.Expression): string | undefined {
  let u = unwrap(e);
  if (ts.isCallExpression(u) && u.arguments.length === 1 && (isJsonStringify(u.expression) || (ts.isIdentifier(u.expression) && u.expression.text === 'String')))
    u = unwrap(u.arguments[0]);
  const name = lastNameOf(u);
  const m = name ? /^has([A-Z]\w*)$/.exec(name) : null;
  return m ? m[1].replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() : undefined;
}

/** `exists` → `exists`, `row.hasAccess` → `hasAccess`: the name an identifier or member access ends with. */
function lastNameOf(e: ts.Expression): string | undefined {
  return ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
}

/** `active`, `user.isBlocked`: a row's state flag, whose `false` is a state, not "not found". */
export function namesState(e: ts.Expression): boolean {
  const u = unwrap(e);
  const name = lastNameOf(u);
  return !!name && isStateName(name);
}

function isExistenceName(e: ts.Expression): boolean {
  const u = unwrap(e);
  const name = lastNameOf(u);
  return !!name && /^(exists?|found|isFound|has[A-Z]\w*|isMember|isRegistered|present)$/.test(name);
}

export function isJsonStringify(callee: ts.Expression): boolean {
  const c = unwrap(callee);
  return ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === 'JSON' && c.name.text === 'stringify';
}
