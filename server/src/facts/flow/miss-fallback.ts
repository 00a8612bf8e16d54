// Does a cache read fall back to a source when it misses? `const c = await redis.get(k); if (c)
// return c; const row = await prisma.user.findUnique(q)` loads the row after a miss: that key is a
// cache (filled from a source, model/roles.ts), and a TTL on it is safe to add. A read whose
// result is used as it is (a membership check, a session lookup, a flag, a lookup that throws
// when empty) has no fallback: there a TTL would make reads come back empty.
//
// Only the shapes a reload takes count, never "some database call happens later":
//   `cached ?? await load()`, `cached || load()`, `cached ? parse(cached) : await load()`,
//   `if (cached) return … cached …; … load …`, `if (!cached) { cached = await load() }`,
//   `cache.wrap(key, () => load())`.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { calleeName, declarationOf, enclosingFunction, isFunctionLike, objectPropertyValue, unwrap } from '../../syntax/scope';
import type { ValueSource } from '../types';
import { isHttpCall, strongest } from './value-sources';
import { resolveName } from '../../syntax/local-values';
import { exits } from './absent-path';
import { isPromiseCombinator } from './order';

/** Helpers that test a value is missing or empty (lodash, Ramda, hand-written): `_isEmpty(v)`, `_.isNil(v)`. */
const MISSING_TESTS = /^_?(isEmpty|isNil|isNull|isUndefined|isNullOrUndefined|isNullish|isBlank|isNilOrEmpty)$/;

/** `cached ?? x`, `cached || x`: the right side is what a miss gives. */
function isFallbackOperator(k: ts.SyntaxKind): boolean {
  return k === ts.SyntaxKind.QuestionQuestionToken || k === ts.SyntaxKind.BarBarToken;
}

/** The arguments a read-through's loader may be: each argument, or the `factory` of a lone options object. */
function loaderCandidates(call: ts.CallExpression): readonly ts.Expression[] {
  const only = call.arguments.length === 1 ? unwrap(call.arguments[0]) : undefined;
  const factory = only && ts.isObjectLiteralExpression(only) ? objectPropertyValue(only, 'factory') : undefined;
  return factory ? [factory] : call.arguments;
}

/**
 * The strongest source loaded when the read `call` misses, or undefined when nothing is loaded.
 * `cacheCalls` are the file's calls of cache verbs: loading from the cache again is no source.
 */
export function missFallback(call: ts.CallExpression, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>): ValueSource | undefined {
  // Pattern: cache.wrap(key, () => prisma.user.findUnique(q)) / remember(key, 60, async () => …)
  // (or its options object's: cache.getOrSet({ key, factory: () => User.find(id) }))
  for (const a of loaderCandidates(call)) {
    const f = unwrap(a);
    if (ts.isArrowFunction(f) || ts.isFunctionExpression(f)) return sourcesIn(f.body, ctx, cacheCalls) ?? 'call';
  }
  // climb from the read to what holds its result
  let e: ts.Node = call;
  while (e.parent && (ts.isAwaitExpression(e.parent) || ts.isParenthesizedExpression(e.parent) || ts.isAsExpression(e.parent) || ts.isNonNullExpression(e.parent)))
    e = e.parent;
  const holder = e.parent;
  if (!holder) return undefined;
  // Pattern: return (await redis.get(k)) ?? (await load(k))
  if (ts.isBinaryExpression(holder) && holder.left === e && isFallbackOperator(holder.operatorToken.kind)) return sourcesIn(holder.right, ctx, cacheCalls);
  // Pattern: (await redis.get(k)) ? JSON.parse(…) : await load(k)  — not a boolean test (exists)
  if (ts.isConditionalExpression(holder) && holder.condition === e) return sourcesIn(holder.whenFalse, ctx, cacheCalls);
  const fn = enclosingFunction(call);
  if (!fn?.body) return undefined;
  // Pattern: if (cache.has(k)) return cache.get(k); const row = await load(id); … / if (!(await redis.exists(k))) { … }
  const tested = testedIn(e);
  // (the miss path loads and stores: a test that guards work, `if (await jobs.exists(id)) return id`, is no hit check)
  if (tested) {
    const { stmt, negated } = tested;
    if (negated) return storedLoad(stmt.thenStatement, ctx, cacheCalls);
    // the hit is answered from the cache (`return cache.get(k)`), not with something else (`return queueId`)
    if (!readsCacheIn(stmt.thenStatement, cacheCalls)) return undefined;
    if (stmt.elseStatement) return storedLoad(stmt.elseStatement, ctx, cacheCalls);
    return exits(stmt.thenStatement) ? storedLoad(fn.body, ctx, cacheCalls, stmt.end) : undefined;
  }
  let name: string | undefined;
  if (ts.isVariableDeclaration(holder) && holder.initializer === e && ts.isIdentifier(holder.name)) name = holder.name.text;
  else if (ts.isBinaryExpression(holder) && holder.right === e) name = assignment(holder)?.name;
  if (!name) return undefined;
  return reloadAfter(fn.body, name, call.end, ctx, cacheCalls) ?? carriedReload(fn.body, name, call.end, ctx, cacheCalls);
}

/** The `if` whose condition is the read itself (`if (cache.has(k))`), or its negation (`if (!cached)`). */
function testedIn(e: ts.Node): { stmt: ts.IfStatement; negated: boolean } | undefined {
  let n = e;
  let negated = false;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || (ts.isPrefixUnaryExpression(n.parent) && n.parent.operator === ts.SyntaxKind.ExclamationToken))) {
    if (ts.isPrefixUnaryExpression(n.parent)) negated = !negated;
    n = n.parent;
  }
  const p = n.parent;
  return p && ts.isIfStatement(p) && p.expression === n ? { stmt: p, negated } : undefined;
}

/** Whether a cache call sits in `n`. */
function readsCacheIn(n: ts.Node, cacheCalls: ReadonlySet<ts.Node>): boolean {
  for (const c of cacheCalls) if (c.pos >= n.pos && c.end <= n.end) return true;
  return false;
}

/** How many variables the read's value is carried into that are followed. */
const MAX_CARRIERS = 3;

/**
 * The read's value carried into another variable that the miss is tested on: `const raw = await
 * redis.get(k); if (raw) tags = JSON.parse(raw); if (!tags) { tags = await load(); … }` (also
 * `const tags = raw ? JSON.parse(raw) : undefined`). Only the reload shapes of `reloadAfter` count.
 */
function carriedReload(body: ts.Node, name: string, after: number, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>): ValueSource | undefined {
  const carriers: { name: string; end: number }[] = [];
  const visit = (n: ts.Node): void => {
    if (carriers.length >= MAX_CARRIERS || n.end <= after) return;
    if (n.pos >= after) {
      const a = assignment(n);
      if (a && a.name !== name && mentions(a.right, name)) carriers.push({ name: a.name, end: n.end });
      else if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && mentions(n.initializer, name)) carriers.push({ name: n.name.text, end: n.end });
    }
    if (!isFunctionLike(n) || n === body) ts.forEachChild(n, visit);
  };
  visit(body);
  let found: ValueSource | undefined;
  for (const c of carriers) found = strongest(found, reloadAfter(body, c.name, c.end, ctx, cacheCalls));
  return found;
}

/** `name = <right>`: the variable assigned and what it is assigned. */
function assignment(n: ts.Node): { name: string; right: ts.Expression } | undefined {
  return ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) ? { name: n.left.text, right: n.right } : undefined;
}

/** Whether `n` mentions `name` (not inside nested functions). */
function mentions(n: ts.Node, name: string): boolean {
  if (ts.isIdentifier(n)) return n.text === name;
  if (isFunctionLike(n)) return false;
  return !!ts.forEachChild(n, (c) => (mentions(c, name) ? true : undefined));
}

/** A `return` in `n` whose value mentions `name` (the hit path returns the cached value). */
function returnsIt(n: ts.Node, name: string, derived: readonly string[] = []): boolean {
  // Pattern: if (cached) { ctx.body = cached; return; } / { res.json(cached); return } — answered with it, then out
  if (ts.isBlock(n) && n.statements.length >= 2) {
    const last = n.statements[n.statements.length - 1];
    if (ts.isReturnStatement(last) && !last.expression && n.statements.slice(0, -1).some((st) => mentions(st, name))) return true;
  }
  if (ts.isReturnStatement(n)) return !!n.expression && [name, ...derived].some((d) => mentions(n.expression!, d));
  if (isFunctionLike(n)) return false;
  // Pattern: if (cached) { try { const parsed = JSON.parse(cached); return parsed } catch {} } — a const read from it
  let local = derived;
  return !!ts.forEachChild(n, (c) => {
    if (ts.isVariableStatement(c))
      for (const d of c.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.initializer && mentions(d.initializer, name)) local = [...local, d.name.text];
    return returnsIt(c, name, local) ? true : undefined;
  });
}

/**
 * Pattern: if (cached) { user = cached } else { user = await load(id); await cache.setUser(user) } —
 * the hit branch hands the cached value to another variable, and the miss branch loads that one.
 */
function carriedAcross(hit: ts.Node | undefined, miss: ts.Node, name: string, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>): ValueSource | undefined {
  if (!hit) return undefined;
  let carrier: string | undefined;
  const visit = (m: ts.Node): void => {
    const a = assignment(m);
    if (a && a.name !== name && mentions(a.right, name)) carrier ??= a.name;
    if (!carrier && !isFunctionLike(m)) ts.forEachChild(m, visit);
  };
  visit(hit);
  return carrier ? reassigned(miss, carrier, ctx, cacheCalls) : undefined;
}

/** An assignment `name = <source>` in `n`: what it assigns, when it loads something. */
function reassigned(n: ts.Node, name: string, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>): ValueSource | undefined {
  let s: ValueSource | undefined;
  const visit = (m: ts.Node): void => {
    const a = assignment(m);
    if (a?.name === name) s = strongest(s, sourcesIn(a.right, ctx, cacheCalls));
    if (!isFunctionLike(m)) ts.forEachChild(m, visit);
  };
  visit(n);
  return s;
}

/**
 * The miss branch loads and then refills the value from what it loaded: `if (!tags) { const rows =
 * await prisma.tag.findMany(q); tags = rows.map(toTag); }`. What the branch loads from the
 * database or over HTTP, when it assigns the value at all.
 */
function refilled(branch: ts.Node, name: string, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>): ValueSource | undefined {
  let assigns = false;
  const visit = (m: ts.Node): void => {
    if (assignment(m)?.name === name) assigns = true;
    if (!assigns && !isFunctionLike(m)) ts.forEachChild(m, visit);
  };
  visit(branch);
  if (!assigns) return undefined;
  // a database or HTTP load; an awaited call of something else may make the value, not load it
  // (`conversationId = (await intercom.createConversation(…)).id`: the cache is its only store)
  const s = sourcesIn(branch, ctx, cacheCalls);
  return s === 'db' || s === 'http' ? s : undefined;
}

/** Is `cond` a test that the value is there (`c`, `c !== null`, `c != undefined`), rather than missing? */
function testsPresent(cond: ts.Expression, name: string): boolean | undefined {
  const c = unwrap(cond);
  if (ts.isIdentifier(c) && c.text === name) return true;
  if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = testsPresent(c.operand, name);
    return inner === undefined ? undefined : !inner;
  }
  if (ts.isBinaryExpression(c) && mentions(c, name)) {
    // Pattern: cached !== null / cached.length > 0 / Object.keys(cached).length === 0
    const op = c.operatorToken.kind;
    const other = mentions(c.left, name) ? c.right : c.left;
    const empty = /^(null|undefined|''|""|0)$/.test(other.getText());
    const leftSide = mentions(c.left, name);
    if (empty) {
      if (op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) return true;
      if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) return false;
      if (op === ts.SyntaxKind.GreaterThanToken) return leftSide ? true : undefined;
      if (op === ts.SyntaxKind.LessThanToken) return leftSide ? undefined : true;
      if (op === ts.SyntaxKind.LessThanEqualsToken) return leftSide ? false : undefined;
    }
    if (other.getText() === '1' && op === ts.SyntaxKind.GreaterThanEqualsToken && leftSide) return true;
    if (other.getText() === '1' && op === ts.SyntaxKind.LessThanToken && leftSide) return false;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return testsPresent(c.left, name) ?? testsPresent(c.right, name);
    // Pattern: cached === undefined || cached === null — missing either way
    if (op === ts.SyntaxKind.BarBarToken) return testsPresent(c.left, name) === false && testsPresent(c.right, name) === false ? false : undefined;
    return undefined;
  }
  // Pattern: if (_isEmpty(cached)) / if (_.isNil(cached)) — a test that it is missing
  if (ts.isCallExpression(c) && mentions(c, name) && MISSING_TESTS.test(calleeName(c) ?? '')) return false;
  if (ts.isCallExpression(c) && mentions(c, name)) return true; // `if (isValid(cached))`
  return undefined;
}

/**
 * After the read that put its result in `name`: the code returns the value when it is there and
 * loads otherwise, or replaces it with a load when it is missing, or falls back with `??`/`||`/`?:`.
 */
function reloadAfter(body: ts.Node, name: string, after: number, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>): ValueSource | undefined {
  let found: ValueSource | undefined;
  let hitReturns = false;
  const visit = (n: ts.Node): void => {
    if (found === 'db' || n.end <= after) return;
    if (n.pos >= after) {
      if (ts.isIfStatement(n) && mentions(n.expression, name)) {
        const present = testsPresent(n.expression, name);
        // Pattern: if (cached) return JSON.parse(cached);  — the load after it is the miss path
        if (present === true && returnsIt(n.thenStatement, name)) hitReturns = true;
        // Pattern: if (!cached) { cached = await load(); … }  /  if (cached) … else { cached = await load() }
        const missBranch = present === false ? n.thenStatement : present === true ? n.elseStatement : undefined;
        if (missBranch)
          found = strongest(
            found,
            reassigned(missBranch, name, ctx, cacheCalls) ??
              refilled(missBranch, name, ctx, cacheCalls) ??
              returnsSource(missBranch, ctx, cacheCalls) ??
              storedLoad(missBranch, ctx, cacheCalls) ??
              carriedAcross(present === true ? n.thenStatement : n.elseStatement, missBranch, name, ctx, cacheCalls),
          );
      } else if (ts.isBinaryExpression(n) && isFallbackOperator(n.operatorToken.kind) && mentions(n.left, name) && !mentions(n.right, name)) {
        // Pattern: return cached || prefill(con, id) — the call on the right is what a miss gets, awaited or not
        found = strongest(found, missSide(n.right, ctx, cacheCalls));
      } else if (ts.isConditionalExpression(n) && testsPresent(n.condition, name) === true) {
        // Pattern: return value ? value : this.getLinkFromDb(key) — the same for the miss side of a conditional
        found = strongest(found, missSide(n.whenFalse, ctx, cacheCalls));
      }
    }
    if (!isFunctionLike(n) || n === body) ts.forEachChild(n, visit);
  };
  visit(body);
  // the hit path returned early: what the function loads after that is what a miss gets
  if (hitReturns) found = strongest(found, sourcesIn(body, ctx, cacheCalls, after));
  return found;
}

/** What the miss side of `cached || load(id)` / `cached ? cached : load(id)` loads: its sources, or the call it makes. */
function missSide(e: ts.Expression, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>): ValueSource | undefined {
  const u = unwrap(e);
  const called = ts.isCallExpression(u) && !cacheCalls.has(u) ? (loadsIn(u, ctx, cacheCalls) ?? 'call') : undefined;
  return sourcesIn(e, ctx, cacheCalls) ?? called;
}

/**
 * The miss branch loads into another variable and stores that in the cache: `if (cached == null) {
 * allowed = await perms.check(id); await cache.set(k, allowed) }`. What it loads, when it also
 * writes the cache (a branch that only loads is no fill).
 */
function storedLoad(branch: ts.Node, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>, after = -1): ValueSource | undefined {
  let stores = false;
  let looksUp = false;
  let makes = false;
  const visit = (m: ts.Node): void => {
    if (m.end <= after) return;
    if (ts.isCallExpression(m) && m.pos >= after) {
      const name = calleeName(m) ?? '';
      if (cacheCalls.has(m)) stores ||= STORES.test(name);
      // (only an awaited call makes something somewhere: `day.utc().startOf('d')`, `date.add(1, 'd')` compute)
      else if (MAKES.test(name) && awaited(m)) makes = true;
      else if (LOOKS_UP.test(name)) looksUp = true;
    }
    if (!isFunctionLike(m)) ts.forEachChild(m, visit);
  };
  visit(branch);
  if (!stores || makes) return undefined;
  const s = sourcesIn(branch, ctx, cacheCalls, after);
  // an awaited call that makes something (`createConversation()`): the cache is its only store
  return s === 'db' || s === 'http' || (s === 'call' && looksUp) ? s : undefined;
}

/**
 * A call whose promise is awaited (`await createConversation()`, `await Promise.all([…])` around it,
 * the head of an awaited chain).
 */
function awaited(call: ts.CallExpression): boolean {
  let e: ts.Node = call;
  for (;;) {
    const p = e.parent;
    if (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isArrayLiteralExpression(p))) e = p;
    // the head of an awaited chain: `await db.insert(guilds).values(v).returning()`
    else if (p && ts.isPropertyAccessExpression(p) && p.expression === e && p.parent && ts.isCallExpression(p.parent) && p.parent.expression === p) e = p.parent;
    else if (p && ts.isCallExpression(p) && p.arguments.includes(e as ts.Expression) && isPromiseCombinator(p)) e = p;
    else return !!p && ts.isAwaitExpression(p);
  }
}

/** Cache verbs that store a value. */
const STORES = /^(set|setex|psetex|put|hset|hmset|mset)$/i;
/** Calls that make something new rather than look it up. */
const MAKES = /^(create|insert|add|post|send|make|new|start|open|register|generate|issue|upload)/i;
/** Calls that look something up: `check`, `getSettings`, `flagOf`, `resolvePermissions`. */
const LOOKS_UP = /^(get|find|load|fetch|read|query|select|check|list|count|is|has|can|resolve|compute|calc|lookup)|Of$/i;

/** Receivers that answer a request: `res`, `reply`, Koa's `ctx`, Hono's `c`, `NextResponse`. */
const RESPONDERS = /^(res|resp|response|reply|ctx|c|h|NextResponse|Response)$/;
/** What a handler answers with: `json`, `send`, `status(404)`, `redirect`… */
const RESPONDS = /^(json|send|end|sendStatus|status|code|redirect|render|text|html|body|throw|notFound|type)$/;

/**
 * A request answered on a miss: `if (!crawl) return res.status(404).json({ error })`, `return
 * notFound()`. A 404 is no source of the value, so the read has no fallback there.
 */
function isResponse(e: ts.Expression): boolean {
  let c: ts.Node = unwrap(e);
  if (ts.isAwaitExpression(c)) c = unwrap(c.expression);
  if (!ts.isCallExpression(c)) return false;
  if (ts.isIdentifier(c.expression)) return /^(notFound|redirect|permanentRedirect|next)$/.test(c.expression.text);
  let callee: ts.Node = c.expression;
  // climb the chain to its root: res.status(404).json(…) → res
  while (ts.isPropertyAccessExpression(callee) || ts.isCallExpression(callee)) {
    if (ts.isPropertyAccessExpression(callee) && !RESPONDS.test(callee.name.text)) return false;
    callee = ts.isPropertyAccessExpression(callee) ? callee.expression : callee.expression;
  }
  return ts.isIdentifier(callee) && RESPONDERS.test(callee.text);
}

/** The sources a branch returns: `if (!c) return await load()`. */
function returnsSource(n: ts.Node, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>): ValueSource | undefined {
  let s: ValueSource | undefined;
  const visit = (m: ts.Node): void => {
    if (ts.isReturnStatement(m) && m.expression && !isResponse(m.expression)) s = strongest(s, sourcesIn(returnedValue(m.expression, n, ctx), ctx, cacheCalls));
    if (!isFunctionLike(m)) ts.forEachChild(m, visit);
  };
  visit(n);
  return s;
}

/**
 * Pattern: if (!cached) { const rows = await prisma.table.findMany(q); await setCache(k, rows); return rows }
 * — a variable the miss branch declares is returned: what it was loaded from.
 */
function returnedValue(e: ts.Expression, branch: ts.Node, ctx: FileCtx): ts.Node {
  const u = unwrap(e);
  if (!ts.isIdentifier(u)) return e;
  const d = declarationOf(u, ctx.facts.imports);
  if (d?.t !== 'var' || !d.node.initializer || d.node.pos < branch.pos || d.node.end > branch.end) return e;
  return d.node.initializer;
}

/**
 * The strongest source loaded in `node` (after offset `after`, when given): a database call, an
 * HTTP request, or another awaited call that is not a cache call.
 */
function sourcesIn(node: ts.Node, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>, after = -1, depth = 0): ValueSource | undefined {
  let s: ValueSource | undefined;
  const visit = (n: ts.Node): void => {
    if (s === 'db' || n.end <= after) return;
    if ((ts.isCallExpression(n) || ts.isTaggedTemplateExpression(n)) && n.pos >= after && !cacheCalls.has(n)) {
      if (ctx.db?.recognise(n)) s = 'db';
      else if (ts.isCallExpression(n) && isHttpCall(unwrap(n.expression), ctx)) s = strongest(s, 'http');
      else if (n.parent && (ts.isAwaitExpression(n.parent) || ts.isReturnStatement(n.parent)))
        s = strongest(s, (ts.isCallExpression(n) && depth === 0 ? loadsIn(n, ctx, cacheCalls) : undefined) ?? 'call');
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return s;
}

/**
 * Pattern: `if (raw) return JSON.parse(raw); return TeamService.refreshTeamCache(id)` — a function of
 * this file the miss calls (a function, a method of this class, a static of a class here): what its
 * body loads from the database or over HTTP, one call deep.
 */
function loadsIn(call: ts.CallExpression, ctx: FileCtx, cacheCalls: ReadonlySet<ts.Node>): ValueSource | undefined {
  const t = resolveName(call.expression, ctx.facts.imports);
  if (t?.t !== 'fn' || !t.fn.body || t.fn === enclosingFunction(call)) return undefined;
  const s = sourcesIn(t.fn.body, ctx, cacheCalls, -1, 1);
  return s === 'db' || s === 'http' ? s : undefined;
}

