// A cached value that carries the version of what it was built from, and a read that serves it only
// when that version is still the source's: `if (hit && hit.updatedAt.getTime() === campaign.updatedAt
// .getTime()) return hit.body`. Every write that bumps the stamp retires the entry by itself, so no
// TTL is what keeps it fresh (missing-ttl).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { enclosingFunction, unwrap } from '../../syntax/scope';
import { isEqualityOperator } from '../../syntax/operators';
import { boundName } from '../../syntax/bound-value';

/** Fields that stamp a version: a modification time, a version or revision number, a content hash. */
const STAMP = /^(updatedAt|updated_at|updatedOn|modifiedAt|modified_at|lastModified|last_modified|mtime|version|ver|revision|rev|etag|eTag|hash|checksum|digest|fingerprint)$/;
/** Methods that turn a stamp into something comparable: `d.getTime()`, `v.toString()`. */
const COMPARABLE = /^(getTime|valueOf|toISOString|toString|toJSON)$/;
const READ = /^(get|hget|fetch)$/i;

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
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && isEqualityOperator(n.operatorToken.kind)) {
      for (const side of [n.left, n.right]) {
        const name = stampOf(side);
        if (name) out.add(name);
      }
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn, visit);
  return out;
}

/** `hit.updatedAt`, `hit?.version`, `hit.updatedAt.getTime()`: the variable whose stamp it is. */
function stampOf(e: ts.Expression): string | undefined {
  let u = unwrap(e);
  if (ts.isCallExpression(u) && u.arguments.length === 0 && ts.isPropertyAccessExpression(u.expression) && COMPARABLE.test(u.expression.name.text)) u = unwrap(u.expression.expression);
  if (!ts.isPropertyAccessExpression(u) || !STAMP.test(u.name.text)) return undefined;
  const recv = unwrap(u.expression);
  return ts.isIdentifier(recv) ? recv.text : undefined;
}
