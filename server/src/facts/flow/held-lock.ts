// Does a call run while the function holds a lock it took earlier? `const release = await
// this.lockState(id); try { … await this.saveState(id, s) } finally { await release() }`: writers
// of that resource take turns, so two of them cannot commit in one order and set a copy in the
// other (rules/set-after-commit.ts, for copies no reader reloads).
import { ts } from 'ts-morph';
import { calleeName, isFunctionLike, unwrap } from '../../syntax/scope';
import { treeMemo } from '../../syntax/tree-memo';

/** Calls that take a lock: `lock(k)`, `lockState(id)`, `acquire(k)`, `acquireLock(k)`, `waitLock(k)`. */
const TAKES_LOCK = /^(lock|acquire)\w*$|^(get|obtain|take|wait|try)\w*Lock$/i;

/** Per block: the index of its first statement that takes a lock (-1: none), found once per block. */
const firstLock = treeMemo<ts.Block, number>();

export function heldLock(call: ts.Node, fn: ts.Node | undefined): boolean {
  if (!fn) return false;
  for (let child: ts.Node = call, n = call.parent; n && n !== fn; child = n, n = n.parent) {
    if (!ts.isBlock(n)) continue;
    let at = firstLock.get(n);
    if (at === undefined) firstLock.set(n, (at = n.statements.findIndex(takesLock)));
    if (at >= 0 && at < n.statements.indexOf(child as ts.Statement)) return true;
  }
  return false;
}

/** A statement that awaits a lock-taking call with an argument (the resource). */
function takesLock(st: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n) && ts.isCallExpression(unwrap(n.expression))) {
      const c = unwrap(n.expression) as ts.CallExpression;
      const name = calleeName(c);
      if (name && c.arguments.length > 0 && TAKES_LOCK.test(name)) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(st);
  return found;
}
