// A cached value that carries the version of what it was built from, and a read that serves it only
// when that version is still the source's: `if (hit && hit.updatedAt.getTime() === campaign.updatedAt
// .getTime()) return hit.body`. Every write that bumps the stamp retires the entry by itself, so no
// TTL is what keeps it fresh (missing-ttl). Also a value that carries its own expiry, compared with
// the clock on the read (`if (Date.now() > props.expiry) return null`): a TTL kept in the value.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { enclosingFunction, unwrap } from '../../syntax/scope';
import { isEqualityOperator } from '../../syntax/operators';
import { boundName, isJsonParseOf } from '../../syntax/bound-value';

/** Fields that stamp a version: a modification time, a version or revision number, a content hash. */
const STAMP = /^(updatedAt|updated_at|updatedOn|modifiedAt|modified_at|lastModified|last_modified|mtime|version|ver|revision|rev|etag|eTag|hash|checksum|digest|fingerprint)$/;
/** Methods that turn a stamp into something comparable: `d.getTime()`, `v.toString()`. */
const COMPARABLE = /^(getTime|valueOf|toISOString|toString|toJSON)$/;
/** A read: the client's own, or a wrapper's (`redisGet(key)`, `getCache(key)`). */
const READ = /get|fetch/i;
/** Fields holding an expiry time the value carries with it. */
const EXPIRY = /^(expiry|expires|expiresAt|expires_at|expireAt|expire_at|expiration|expirationTime|expiredAt|expiryTime|expiryDate|validUntil|valid_until|staleAt)$/;
/** date-fns style tests of a time against the clock: `isPast(expiry)`, `isAfter(new Date(), expiresAt)`. */
const CLOCK_TESTS = /^(isPast|isFuture|isAfter|isBefore|isExpired)$/;
const RELATIONAL = new Set([ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken]);

/** Post-walk: marks the reads whose value is compared by a version stamp before it is used (CallFact.checked). */
export function recordCheckedReads(ctx: FileCtx): void {
  const { calls } = ctx.facts;
  // each function is walked once, for every name whose stamp it compares
  const stamped = new Map<ts.Node, Set<string>>();
  for (let i = 0; i < calls.length; i++) {
    const node = ctx.callNodes[i];
    if (!node || calls[i].fn === 0 || !READ.test(calls[i].method)) continue;
    const name = boundName(node)?.text;
    const fn = name && enclosingFunction(node);
    if (!fn) continue;
    let names = stamped.get(fn);
    if (!names) stamped.set(fn, (names = stampedNames(fn)));
    if (names.has(name)) calls[i].checked = true;
  }
}

/** The names whose stamp `fn` compares: `hit` of `hit.updatedAt.getTime() === row.updatedAt.getTime()`. */
function stampedNames(fn: ts.Node): Set<string> {
  const out = new Set<string>();
  /** `const props = JSON.parse(raw)` → props: raw; `const expiry = new Date(props.expiry)` → expiry: props (an expiry of props) */
  const aliases = new Map<string, string>();
  const expiries = new Map<string, string>();
  const expiring: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && isEqualityOperator(n.operatorToken.kind)) {
      for (const side of [n.left, n.right]) {
        const name = stampOf(side);
        if (name) out.add(name);
      }
    } else if (ts.isBinaryExpression(n) && RELATIONAL.has(n.operatorToken.kind)) {
      // Pattern: if (new Date().getTime() > expiry.getTime()) { redisDel(key); return null }
      const subject = readsClock(n.left) ? expiryOf(n.right, expiries) : readsClock(n.right) ? expiryOf(n.left, expiries) : undefined;
      if (subject) expiring.push(subject);
    } else if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && CLOCK_TESTS.test(n.expression.text)) {
      // Pattern: if (isPast(new Date(cached.expiration))) — the clock is the test's own
      for (const a of n.arguments) {
        const subject = expiryOf(a, expiries);
        if (subject) expiring.push(subject);
      }
    } else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      let init: ts.Node = unwrap(n.initializer);
      while (ts.isAwaitExpression(init) || (ts.isCallExpression(init) && init.arguments.length === 1 && isJsonParseOf(init, init.arguments[0]))) init = unwrap((ts.isAwaitExpression(init) ? init.expression : init.arguments[0]) as ts.Expression);
      if (ts.isIdentifier(init)) aliases.set(n.name.text, init.text);
      else {
        const subject = expiryOf(init as ts.Expression, expiries);
        if (subject) expiries.set(n.name.text, subject);
      }
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn, visit);
  // the read's own name: the parsed value's, back through `JSON.parse(…)` and plain copies
  for (let name of expiring)
    for (let hops = 0; hops < 4 && name; hops++, name = aliases.get(name)!) out.add(name);
  return out;
}

/** `Date.now()`, `new Date()`, `new Date().getTime()`, a `now` kept from one of them. */
function readsClock(e: ts.Expression): boolean {
  let u: ts.Node = unwrap(e);
  if (ts.isCallExpression(u) && u.arguments.length === 0 && ts.isPropertyAccessExpression(u.expression) && COMPARABLE.test(u.expression.name.text)) u = unwrap(u.expression.expression);
  if (ts.isNewExpression(u)) return ts.isIdentifier(u.expression) && u.expression.text === 'Date' && !u.arguments?.length;
  if (ts.isCallExpression(u)) return ts.isPropertyAccessExpression(u.expression) && u.expression.getText() === 'Date.now';
  return ts.isIdentifier(u) && /^(now|currentTime|nowMs|nowTs)$/.test(u.text);
}

/**
 * The name whose expiry `e` is: `props.expiry`, `new Date(props.expiry).getTime()`,
 * `Date.parse(hit.expiresAt)`, or a local kept from one (`expiry.getTime()`).
 */
function expiryOf(e: ts.Expression, expiries: ReadonlyMap<string, string>): string | undefined {
  let u: ts.Node = unwrap(e);
  for (let i = 0; i < 3; i++) {
    if (ts.isCallExpression(u) && u.arguments.length === 0 && ts.isPropertyAccessExpression(u.expression) && COMPARABLE.test(u.expression.name.text)) u = unwrap(u.expression.expression);
    else if ((ts.isNewExpression(u) || ts.isCallExpression(u)) && u.arguments?.length === 1 && /^(Date|Date\.parse|Number)$/.test(u.expression.getText())) u = unwrap(u.arguments[0]);
    else break;
  }
  if (ts.isIdentifier(u)) return expiries.get(u.text);
  if (!ts.isPropertyAccessExpression(u) || !EXPIRY.test(u.name.text)) return undefined;
  const recv = unwrap(u.expression);
  return ts.isIdentifier(recv) ? recv.text : undefined;
}

/** `hit.updatedAt`, `hit?.version`, `hit.updatedAt.getTime()`: the variable whose stamp it is. */
function stampOf(e: ts.Expression): string | undefined {
  let u = unwrap(e);
  if (ts.isCallExpression(u) && u.arguments.length === 0 && ts.isPropertyAccessExpression(u.expression) && COMPARABLE.test(u.expression.name.text)) u = unwrap(u.expression.expression);
  if (!ts.isPropertyAccessExpression(u) || !STAMP.test(u.name.text)) return undefined;
  const recv = unwrap(u.expression);
  return ts.isIdentifier(recv) ? recv.text : undefined;
}
