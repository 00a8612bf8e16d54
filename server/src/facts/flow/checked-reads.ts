// A cached value that carries the version of what it was built from, and a read that serves it only
// when that version is still the source's: `if (hit && hit.updatedAt.getTime() === campaign.updatedAt
// .getTime()) return hit.body`. Every write that bumps the stamp retires the entry by itself, so no
// TTL is what keeps it fresh (missing-ttl).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { enclosingFunction, unwrap } from '../../syntax/scope';

/** Fields that stamp a version: a modification time, a version or revision number, a content hash. */
const STAMP = /^(updatedAt|updated_at|updatedOn|modifiedAt|modified_at|lastModified|last_modified|mtime|version|ver|revision|rev|etag|eTag|hash|checksum|digest|fingerprint)$/;
/** Methods that turn a stamp into something comparable: `d.getTime()`, `v.toString()`. */
const COMPARABLE = /^(getTime|valueOf|toISOString|toString|toJSON)$/;
const READ = /^(get|hget|fetch)$/i;

/** Post-walk: marks the reads whose value is compared by a version stamp before it is used (CallFact.checked). */
export function recordCheckedReads(ctx: FileCtx): void {
  const { calls } = ctx.facts;
  for (let i = 0; i < calls.length; i++) {
    const node = ctx.callNodes[i];
    if (!node || calls[i].fn === 0 || !READ.test(calls[i].method)) continue;
    const name = boundName(node);
    const fn = name && enclosingFunction(node);
    if (fn && comparesStamp(fn, name)) calls[i].checked = true;
  }
}

/** `const hit = await cache.get(k)` → `hit`; also through `JSON.parse(…)` */
function boundName(call: ts.Node): string | undefined {
  let n: ts.Node = call;
  while (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || isJsonParseOf(n.parent, n)) n = n.parent;
  const d = n.parent;
  return d && ts.isVariableDeclaration(d) && d.initializer === n && ts.isIdentifier(d.name) ? d.name.text : undefined;
}

function isJsonParseOf(p: ts.Node, arg: ts.Node): boolean {
  return ts.isCallExpression(p) && p.arguments[0] === arg && p.expression.getText() === 'JSON.parse';
}

function comparesStamp(fn: ts.Node, name: string): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && EQUALITY.has(n.operatorToken.kind) && (stampOf(n.left, name) || stampOf(n.right, name))) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/** `hit.updatedAt`, `hit?.version`, `hit.updatedAt.getTime()` of the variable `name`. */
function stampOf(e: ts.Expression, name: string): boolean {
  let u = unwrap(e);
  if (ts.isCallExpression(u) && u.arguments.length === 0 && ts.isPropertyAccessExpression(u.expression) && COMPARABLE.test(u.expression.name.text)) u = unwrap(u.expression.expression);
  if (!ts.isPropertyAccessExpression(u) || !STAMP.test(u.name.text)) return false;
  const recv = unwrap(u.expression);
  return ts.isIdentifier(recv) && recv.text === name;
}
