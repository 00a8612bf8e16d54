// "Does database write D happen before cache call W in the same flow?" — syntactically: same
// function (or D inside a callback of it, such as a `$transaction(async (tx) => …)`), D before W,
// and not on mutually exclusive branches; or W inside a `.then` of D's promise chain.
import { ts } from 'ts-morph';
import { enclosingFunction, isFunctionLike, type FunctionLike } from '../../syntax/scope';

/**
 * Callees whose callback runs later, not inline: a write in it does not precede what follows. Timers
 * and listeners; handlers registered for messages, jobs or routes (`kafka.registerHandler(group,
 * topic, schema, async (p) => …)`, `queue.process(cb)`, `app.put('/x', h)` inside a plugin function).
 */
const DEFERRED =
  /^(setTimeout|setImmediate|setInterval|queueMicrotask|nextTick|on|once|addListener|addEventListener|prependListener|subscribe|schedule|defer|handle|listen|consume|process|command|hears|get|post|put|patch|delete|all|route|(register|add)\w*(Handler|Listener|Consumer|Command|Route|Job|Event|Message)s?|on[A-Z]\w*)$/;

/**
 * A function passed as an argument that runs inline (`$transaction(async (tx) => …)`, `items.map(…)`,
 * `waitUntil((async () => { … })())`, `after(() => …)`), or called right where it is written.
 */
export function isCallbackArg(fn: FunctionLike): boolean {
  // Pattern: (async () => { … })() — an immediately invoked function runs where it stands
  let e: ts.Node = fn;
  while (e.parent && ts.isParenthesizedExpression(e.parent)) e = e.parent;
  if (e.parent && ts.isCallExpression(e.parent) && e.parent.expression === e) return true;
  const p = fn.parent;
  if (!p || !(ts.isCallExpression(p) || ts.isNewExpression(p))) return false;
  const callee = p.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  if (DEFERRED.test(name)) return false;
  return (p.arguments ?? []).some((a) => a === (fn as ts.Node));
}

/** `promise.catch(cb)` / the second callback of `.then(ok, failed)`: runs only when the promise rejected. */
function isFailureCallback(fn: FunctionLike): boolean {
  const p = fn.parent;
  if (!p || !ts.isCallExpression(p) || !ts.isPropertyAccessExpression(p.expression)) return false;
  const m = p.expression.name.text;
  return m === 'catch' || (m === 'then' && p.arguments[1] === (fn as ts.Node));
}

/** The loop (or, for `break`, switch) a `continue`/`break` at the end of `block` leaves. */
function breakTarget(block: ts.Node, isContinue: boolean): ts.Node | undefined {
  for (let p: ts.Node | undefined = block.parent; p && !isFunctionLike(p); p = p.parent) {
    if (ts.isIterationStatement(p, false)) return p;
    if (!isContinue && ts.isSwitchStatement(p)) return p;
  }
  return undefined;
}

/** D sits in a block that always leaves before W (`if (…) { await write(); return; }`). */
function exitsBefore(d: ts.Node, w: ts.Node, lca: ts.Node): boolean {
  for (let n: ts.Node | undefined = d.parent; n && n !== lca; n = n.parent) {
    // a `return` inside a callback (`$transaction(async (tx) => { …; return x })`) leaves only the callback
    if (isFunctionLike(n) || (ts.isBlock(n) && !!n.parent && isFunctionLike(n.parent))) return false;
    if (!ts.isBlock(n) && !ts.isCaseClause(n) && !ts.isDefaultClause(n)) continue;
    const last = n.statements[n.statements.length - 1];
    if (last && (ts.isReturnStatement(last) || ts.isThrowStatement(last))) return true;
    // `continue` / `break` leave only the loop (or switch) they belong to: W must be inside it
    if (last && (ts.isContinueStatement(last) || ts.isBreakStatement(last)) && !last.label) {
      const target = breakTarget(n, ts.isContinueStatement(last));
      if (target && contains(target, w)) return true;
    }
  }
  return false;
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/** W is (inside) a `.then(cb)` / `.finally(cb)` callback whose promise chain contains D. */
function inThenOf(d: ts.Node, w: ts.Node): boolean {
  for (let f = enclosingFunction(w); f; f = enclosingFunction(f)) {
    const call = f.parent;
    if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) continue;
    if (!/^(then|finally)$/.test(call.expression.name.text)) continue;
    // `.then(onFulfilled, onRejected)`: only the first runs after the write succeeded
    if (call.arguments[0] !== (f as ts.Node)) continue;
    if (contains(call.expression.expression, d)) return true;
  }
  return false;
}

function exclusiveBranches(lca: ts.Node, d: ts.Node, w: ts.Node): boolean {
  const part = (n: ts.Node | undefined) => (n ? (x: ts.Node) => contains(n, x) : () => false);
  if (ts.isIfStatement(lca)) {
    const inThen = part(lca.thenStatement);
    const inElse = part(lca.elseStatement);
    return (inThen(d) && inElse(w)) || (inElse(d) && inThen(w));
  }
  if (ts.isConditionalExpression(lca)) {
    const a = part(lca.whenTrue);
    const b = part(lca.whenFalse);
    return (a(d) && b(w)) || (b(d) && a(w));
  }
  if (ts.isCaseBlock(lca)) return !lca.clauses.some((c) => contains(c, d) && contains(c, w));
  if (ts.isTryStatement(lca)) {
    // a write that failed into the catch block did not commit
    return contains(lca.tryBlock, d) && !!lca.catchClause && contains(lca.catchClause, w);
  }
  return false;
}

/** The lowest node above D that holds W too. */
function commonAncestor(d: ts.Node, w: ts.Node): ts.Node | undefined {
  let lca: ts.Node | undefined = d.parent;
  while (lca && !contains(lca, w)) lca = lca.parent;
  return lca;
}

export function precedesInFlow(d: ts.Node, w: ts.Node): boolean {
  // Pattern: prisma.profile.update(q).then((p) => redis.set(k, p))
  if (inThenOf(d, w)) return true;
  if (d.end > w.getStart()) return false;
  // D and W must share a function, each possibly inside inline callbacks of it: a write in a
  // `$transaction(async (tx) => …)` before W, or W in `items.map(async …)` / an IIFE after D
  const fw = enclosingFunction(w);
  const fd = enclosingFunction(d);
  // (a `.catch(cb)` runs when the write failed: W there does not follow a committed write)
  const up: FunctionLike[] = [];
  for (let g = fw; g; g = isCallbackArg(g) && !isFailureCallback(g) ? enclosingFunction(g) : undefined) up.push(g);
  let shared: FunctionLike | undefined;
  for (let g = fd; g && !shared; g = isCallbackArg(g) ? enclosingFunction(g) : undefined) if (up.includes(g)) shared = g;
  if (fd !== fw && !shared) return false;
  // the lowest common ancestor decides whether D and W are on exclusive branches
  const lca = commonAncestor(d, w);
  if (!lca) return false;
  return !exclusiveBranches(lca, d, w) && !exitsBefore(d, w, lca);
}

/**
 * D and W are (inside) elements of one `Promise.all([…])` (or `allSettled`, `race`, `any`): they run
 * concurrently, so W may even land before D commits.
 */
export function runsAlongside(d: ts.Node, w: ts.Node): boolean {
  const lca = commonAncestor(d, w);
  if (!lca || !ts.isArrayLiteralExpression(lca)) return false;
  const call = lca.parent;
  return !!call && ts.isCallExpression(call) && call.arguments[0] === lca && isPromiseCombinator(call);
}

/** `Promise.all(…)`, `allSettled`, `race` or `any`: the promises in its argument run together. */
export function isPromiseCombinator(call: ts.CallExpression): boolean {
  if (!ts.isPropertyAccessExpression(call.expression)) return false;
  const { expression: promise, name } = call.expression;
  return ts.isIdentifier(promise) && promise.text === 'Promise' && /^(all|allSettled|race|any)$/.test(name.text);
}

/** D runs as part of `fn`'s own flow: in it, or in a callback it runs inline (not a deferred one). */
export function runsWithin(d: ts.Node, fn: FunctionLike): boolean {
  let f = enclosingFunction(d);
  while (f && f !== fn) {
    if (!isCallbackArg(f)) return false;
    f = enclosingFunction(f);
  }
  return f === fn;
}
