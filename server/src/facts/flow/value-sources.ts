// Where a value comes from, as far as one function shows it: a database row (an ORM or SQL read,
// or the row a write returned), an HTTP response, the result of some other call, a parameter of
// the enclosing function, or a literal. A cache key whose value is loaded from a source is a
// cache (model/roles.ts); a value that is a parameter makes the function a pass-through that its
// callers decide for (model/wrapper-summaries.ts).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { declarationOf, isConstDeclaration, memberName, unwrap, type Decl } from '../../syntax/scope';
import { assignmentsIn, fillsIn } from '../../syntax/scope-writes';
import { isMakerParamAt } from '../../syntax/made-closures';
import { resolveName } from '../../syntax/local-values';
import { normaliseEntity } from '../keys/entities';
import { namesState } from '../keys/sentinels';
import { CACHE_METHOD_NAMES } from '../cache/verbs';
import type { Aggregate, SourceCall, ValueSource } from '../types';

/** Stronger sources win when a value mixes several: a row wrapped in an object is still a row. */
const RANK: Record<ValueSource, number> = { db: 5, http: 4, call: 3, param: 2, literal: 1 };

export function strongest(a: ValueSource | undefined, b: ValueSource | undefined): ValueSource | undefined {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** Modules whose calls are HTTP requests. */
const HTTP_MODULES = /^(axios|got|node-fetch|undici|ky|ofetch|superagent|needle|cross-fetch|isomorphic-fetch|@nestjs\/axios|request|request-promise)$/;
/** Global request functions (`fetch`, Nuxt's `$fetch`). */
const HTTP_GLOBALS = new Set(['fetch', '$fetch']);
/** Calls that keep the source of what they are given: `JSON.stringify(row)`, `rows.map(f)`, `Object.fromEntries(rows)`. */
const KEEPS = /^(stringify|parse|String|toString|toJSON|map|filter|flatMap|slice|concat|reduce|sort|find|entries|fromEntries|values|keys|from|assign|serialize|encode|pick|omit|structuredClone|plainToInstance|plainToClass|instanceToPlain|classToPlain|toObject|lean|all|allSettled)$/;
/** Promise glue whose receiver is the value: `firstValueFrom(this.http.get(u))`, `.then(r => r.data)`. */
const UNWRAPS = /^(then|firstValueFrom|lastValueFrom|toPromise|pipe)$/;

/** Array methods whose callback receives the receiver's elements. */
const ITERATES = /^(map|forEach|flatMap|filter|reduce|some|every|find|findIndex)$/;

const MAX_DEPTH = 8;

/**
 * The strongest source `expr` is built from (undefined: nothing this file can tell). `entities`
 * collects the entities of the database calls it is built from, when given.
 */
export function valueSource(
  expr: ts.Expression,
  ctx: FileCtx,
  depth = 0,
  entities?: Set<string>,
  calls?: SourceCall[],
  columns?: ReadColumns,
): ValueSource | undefined {
  const prev = collecting;
  const prevCalls = collectingCalls;
  const prevColumns = collectingColumns;
  const prevSteps = steps;
  if (entities) collecting = entities;
  if (calls) collectingCalls = calls;
  if (columns) collectingColumns = columns;
  steps = 0;
  try {
    return sourceOf(expr, ctx, depth);
  } finally {
    lastSteps = steps;
    collecting = prev;
    collectingCalls = prevCalls;
    collectingColumns = prevColumns;
    steps = prevSteps;
  }
}

/** Where valueSource's database hits put their entities (one extraction runs at a time). */
let collecting: Set<string> | undefined;
/**
 * The columns the database reads a value is built from select (`SELECT id, name FROM …`); `open`
 * once one of them reads whatever its table holds (an ORM read, `SELECT *`, a write returning its row).
 */
export interface ReadColumns {
  names: Set<string>;
  open: boolean;
  /** what every read aggregates its rows into (Hit.aggregate); undefined before the first, null when they differ */
  aggregate?: Aggregate | null;
  /** the fields the one read pins to literals (Hit.pins); undefined before the first read, null once any read pins none or a second read comes */
  pins?: Record<string, string> | null;
  /** the fields the one read compares with run-time values (Hit.by); null as for pins */
  by?: string[] | null;
  /** the entities of the relations the reads include (Hit.includes, normalised) */
  includes?: Set<string>;
}
let collectingColumns: ReadColumns | undefined;
/** Where valueSource puts the project functions a value is the result of. */
let collectingCalls: SourceCall[] | undefined;
/**
 * Expressions looked at for one value. A variable assigned from other variables branches at every
 * step (`s = a ? s + x : t`, generated code with hundreds of such lines): past this many the value
 * is "nothing this file can tell", so one file can never cost more than a bounded walk per value.
 */
export const MAX_SOURCE_STEPS = 2000;
let steps = 0;
/** Variables whose source is being worked out: `x = x + 1` adds nothing to what else x is assigned. */
const inProgress = new Set<ts.Node>();

/** How many expressions the last top-level valueSource looked at (for the regression test of its bound). */
export function lastSourceSteps(): number {
  return lastSteps;
}
let lastSteps = 0;

function sourceOf(expr: ts.Expression, ctx: FileCtx, depth: number): ValueSource | undefined {
  if (depth > MAX_DEPTH || steps >= MAX_SOURCE_STEPS) return undefined;
  steps++;
  const e = unwrap(expr);
  switch (e.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
      return 'literal';
    case ts.SyntaxKind.Identifier:
      return identifierSource(e as ts.Identifier, ctx, depth);
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
      // Pattern: user.profile / rows[0] — part of what the base came from
      return sourceOf((e as ts.PropertyAccessExpression).expression, ctx, depth + 1);
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.TaggedTemplateExpression:
      return callSource(e as ts.CallExpression | ts.TaggedTemplateExpression, ctx, depth);
    case ts.SyntaxKind.ObjectLiteralExpression: {
      let s: ValueSource | undefined = 'literal';
      for (const p of (e as ts.ObjectLiteralExpression).properties) {
        if (ts.isPropertyAssignment(p)) s = strongest(s, sourceOf(p.initializer, ctx, depth + 1));
        else if (ts.isShorthandPropertyAssignment(p)) s = strongest(s, sourceOf(p.name, ctx, depth + 1));
        else if (ts.isSpreadAssignment(p)) s = strongest(s, sourceOf(p.expression, ctx, depth + 1));
      }
      return s;
    }
    case ts.SyntaxKind.ArrayLiteralExpression: {
      let s: ValueSource | undefined = 'literal';
      for (const x of (e as ts.ArrayLiteralExpression).elements) s = strongest(s, sourceOf(ts.isSpreadElement(x) ? x.expression : x, ctx, depth + 1));
      return s;
    }
    case ts.SyntaxKind.TemplateExpression: {
      let s: ValueSource | undefined = 'literal';
      for (const span of (e as ts.TemplateExpression).templateSpans) s = strongest(s, sourceOf(span.expression, ctx, depth + 1));
      return s;
    }
    case ts.SyntaxKind.ConditionalExpression: {
      const c = e as ts.ConditionalExpression;
      const chosen = strongest(sourceOf(c.whenTrue, ctx, depth + 1), sourceOf(c.whenFalse, ctx, depth + 1));
      // Pattern: status ? '1' : '0' — a row's state spelled as a flag carries where the state came from
      return chosen === 'literal' && namesState(c.condition) ? strongest(chosen, sourceOf(c.condition, ctx, depth + 1)) : chosen;
    }
    case ts.SyntaxKind.BinaryExpression: {
      const b = e as ts.BinaryExpression;
      return strongest(sourceOf(b.left, ctx, depth + 1), sourceOf(b.right, ctx, depth + 1));
    }
    case ts.SyntaxKind.SpreadElement:
      return sourceOf((e as ts.SpreadElement).expression, ctx, depth + 1);
    case ts.SyntaxKind.NewExpression:
      return newSource(e as ts.NewExpression, ctx, depth);
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      // Pattern: cache.wrap(key, () => getWebsite(id)) — a loader: what it returns
      return returnedSource(e as ts.ArrowFunction | ts.FunctionExpression, ctx, depth);
    default:
      return undefined;
  }
}

function identifierSource(id: ts.Identifier, ctx: FileCtx, depth: number): ValueSource | undefined {
  if (id.text === 'undefined') return 'literal';
  const d = declarationOf(id, ctx.facts.imports);
  if (!d) return undefined;
  if (d.t === 'var' || d.t === 'binding') {
    if (inProgress.has(d.node)) return undefined;
    inProgress.add(d.node);
    try {
      return variableSource(id, d, ctx, depth);
    } finally {
      inProgress.delete(d.node);
    }
  }
  if (d.t === 'param') {
    const fn = d.fn;
    const call = fn.parent;
    if (call && ts.isCallExpression(call) && call.arguments.some((a) => a === (fn as ts.Node))) {
      // Pattern: rows.forEach((row) => redis.set(key(row.id), JSON.stringify(row))) — an element of rows
      const callee = unwrap(call.expression);
      if (ts.isPropertyAccessExpression(callee) && ITERATES.test(callee.name.text)) return sourceOf(callee.expression, ctx, depth + 1);
      // an inline callback's parameter (`$transaction(async (tx) => …)`) is no caller's value
      return undefined;
    }
    // Pattern: async put(key, value) { await this.redis.set(key, value) } — the caller's value
    return 'param';
  }
  return undefined;
}

function variableSource(id: ts.Identifier, d: Extract<Decl, { t: 'var' | 'binding' }>, ctx: FileCtx, depth: number): ValueSource | undefined {
  // Pattern: const [categories, brands] = await Promise.all([prisma.category.findMany(), …])
  if (d.t === 'binding') return d.node.initializer ? sourceOf(d.node.initializer, ctx, depth + 1) : undefined;
  if (d.t === 'var') {
    // Pattern: const pairs: string[] = []; for (const r of rows) pairs.push(r.sku, r.price); … mset(pairs)
    const init = d.node.initializer && unwrap(d.node.initializer);
    if (init && (ts.isArrayLiteralExpression(init) || ts.isObjectLiteralExpression(init)) && isEmptyLiteral(init)) {
      const filled = strongest('literal', filledSource(id, d.node, ctx, depth));
      // Pattern: let settings = {}; settings = await cache.get(k); if (!settings) settings = await load() — every value it gets
      return isConstDeclaration(d.node) ? filled : strongest(filled, assignedSource(id, d.node, ctx, depth));
    }
    // Pattern: const user = await prisma.user.findUnique(q); … redis.set(k, JSON.stringify(user))
    const isConst = isConstDeclaration(d.node);
    // Pattern: let data = await cache.get(k); if (!data) data = await repo.find(q) — every value it gets
    if (d.node.initializer) return isConst ? sourceOf(d.node.initializer, ctx, depth + 1) : strongest(sourceOf(d.node.initializer, ctx, depth + 1), assignedSource(id, d.node, ctx, depth));
    // Pattern: for (const row of rows) redis.zadd(k, row.points, row.id) — an element of rows
    const loop = d.node.parent?.parent;
    if (loop && (ts.isForOfStatement(loop) || ts.isForInStatement(loop))) return sourceOf(loop.expression, ctx, depth + 1);
    // Pattern: let rows; … rows = await db.query(sql)  (the last plain assignment in the function)
    return assignedSource(id, d.node, ctx, depth);
  }
  return undefined;
}

/** What a loader function returns: its expression body, or its `return` statements (not those of inner functions). */
function returnedSource(fn: ts.ArrowFunction | ts.FunctionExpression, ctx: FileCtx, depth: number): ValueSource | undefined {
  if (!ts.isBlock(fn.body)) return sourceOf(fn.body, ctx, depth + 1);
  let s: ValueSource | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) s = strongest(s, sourceOf(n.expression, ctx, depth + 1));
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(fn.body, visit);
  return s;
}

/** `let x; … x = <expr>`: the sources of every assignment to `x` in its scope (strongest wins). */
function assignedSource(id: ts.Identifier, decl: ts.VariableDeclaration, ctx: FileCtx, depth: number): ValueSource | undefined {
  const scope = decl.parent?.parent?.parent;
  if (!scope) return undefined;
  let s: ValueSource | undefined;
  for (const { right } of assignmentsIn(scope).get(id.text) ?? []) s = strongest(s, sourceOf(right, ctx, depth + 1));
  return s;
}

function isEmptyLiteral(e: ts.ArrayLiteralExpression | ts.ObjectLiteralExpression): boolean {
  return ts.isArrayLiteralExpression(e) ? e.elements.length === 0 : e.properties.length === 0;
}

/** What is pushed or assigned into an empty array or object: `pairs.push(…)`, `byId[k] = …`. */
function filledSource(id: ts.Identifier, decl: ts.VariableDeclaration, ctx: FileCtx, depth: number): ValueSource | undefined {
  const scope = decl.parent?.parent?.parent;
  if (!scope) return undefined;
  let s: ValueSource | undefined;
  for (const value of fillsIn(scope).get(id.text) ?? []) s = strongest(s, sourceOf(value, ctx, depth + 1));
  return s;
}

/** Records a project call the value is the result of, once (`user = await f(x); … user = await f(y)`). */
function pushCall(c: SourceCall): void {
  const text = JSON.stringify(c);
  if (!collectingCalls!.some((o) => JSON.stringify(o) === text)) collectingCalls!.push(c);
}

/** Classes of the platform: what they are built from is no row of the project's (`new Date(row.at)`). */
const PLATFORM_CLASSES = /^(Date|Map|Set|WeakMap|WeakSet|Array|Object|Error|\w+Error|Promise|URL|URLSearchParams|RegExp|Buffer|Uint8Array|TextEncoder|TextDecoder|Headers|Response|Request|Blob|FormData|AbortController|Intl\w*|BigNumber|Decimal)$/;

/**
 * Pattern: const authUser = new AuthUser(user) — an instance of a class of the project built from a
 * row holds what the row gave it: the row's entity, and the class's own data (the linker reads it).
 */
function newSource(n: ts.NewExpression, ctx: FileCtx, depth: number): ValueSource | undefined {
  const callee = unwrap(n.expression);
  if (!ts.isIdentifier(callee) || !/^[A-Z]/.test(callee.text) || PLATFORM_CLASSES.test(callee.text)) return undefined;
  const d = declarationOf(callee, ctx.facts.imports);
  if (d?.t !== 'import' && d?.t !== 'class') return undefined;
  if (collectingCalls && collectingCalls.length < 4) pushCall({ new: d.t === 'import' ? { module: d.imp.module, name: d.imp.name } : { local: callee.text } });
  let s: ValueSource | undefined;
  for (const a of n.arguments ?? []) {
    const u = unwrap(a);
    if (ts.isIdentifier(u) || ts.isPropertyAccessExpression(u)) s = strongest(s, sourceOf(u, ctx, depth + 1));
  }
  return s ?? 'call';
}

/** Fields a call is handed to look something up with: ids, keys, tokens, secrets. */
const LOOKUP_FIELD = /(^|_)id$|[a-z]Id$|^id_|token|secret|key$|Key$|^(uuid|slug|email|url|address)$/i;

function callSource(call: ts.CallExpression | ts.TaggedTemplateExpression, ctx: FileCtx, depth: number): ValueSource | undefined {
  // Pattern: await prisma.user.findUnique(q) / await db.select().from(users) / sql`SELECT …`
  // (a write that returns the row counts too: `const u = await repo.save(dto)` holds the new row)
  const hit = ctx.db?.recognise(call) as { entity?: string; kind?: string; columns?: string[]; aggregate?: Aggregate; pins?: Record<string, string>; by?: string[]; includes?: string[] } | undefined;
  if (hit) {
    const e = normaliseEntity(hit.entity);
    if (e && collecting) collecting.add(e);
    if (collectingColumns) {
      if (hit.kind === 'read' && hit.columns) for (const c of hit.columns) collectingColumns.names.add(c);
      else collectingColumns.open = true;
      const agg = hit.kind === 'read' ? (hit.aggregate ?? null) : null;
      collectingColumns.aggregate = mergedAggregate(collectingColumns.aggregate, agg);
      const first = collectingColumns.pins === undefined && hit.kind === 'read';
      collectingColumns.pins = first ? (hit.pins ?? null) : null;
      collectingColumns.by = first ? (hit.by ?? null) : null;
      for (const r of hit.kind === 'read' ? (hit.includes ?? []) : []) {
        const n = normaliseEntity(r);
        if (n) (collectingColumns.includes ??= new Set()).add(n);
      }
    }
    return 'db';
  }
  if (ts.isTaggedTemplateExpression(call)) return 'call';
  const callee = unwrap(call.expression);
  if (isHttpCall(callee, ctx)) return 'http';
  const name = ts.isIdentifier(callee) ? callee.text : memberName(callee);
  // Pattern: JSON.stringify(row) / rows.map(toDto) / Object.fromEntries(rows)
  if (name && (KEEPS.test(name) || UNWRAPS.test(name))) {
    let s: ValueSource | undefined;
    if (ts.isPropertyAccessExpression(callee) && !isGlobalNamespace(callee.expression)) s = sourceOf(callee.expression, ctx, depth + 1);
    for (const a of call.arguments) if (!ts.isArrowFunction(a) && !ts.isFunctionExpression(a)) s = strongest(s, sourceOf(a, ctx, depth + 1));
    // Pattern: Promise.all([prisma.a.findMany(), prisma.b.count()])
    return s ?? 'call';
  }
  // Pattern: new Date() / Date.now() are not sources
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && /^(Date|Math|crypto|uuid|nanoid|Number|Boolean)$/.test(callee.expression.text)) return 'literal';
  // Pattern: getWebsite(id) — a project function, whose reads the linker can see
  if (collectingCalls && ts.isIdentifier(callee) && collectingCalls.length < 4) {
    const d = declarationOf(callee, ctx.facts.imports);
    if (d?.t === 'import') pushCall({ ref: { module: d.imp.module, name: d.imp.name } });
    else if (d?.t === 'function') pushCall({ local: callee.text });
    // Pattern: fetch(key, query) { const data = await query(); await this.set(key, data) } — the caller's loader
    // Pattern: function cached(prefix, ttl, load) { return async (id) => { … const v = await load(id) … } } — the instance's loader
    else if (d?.t === 'param') pushCall(isMakerParamAt(d.fn, call) ? { made: d.index } : { param: d.index });
  }
  // Pattern: const value = await this.fetcher(key) with `this.fetcher = opts.fetcher` set in the
  // constructor — the loader each instance is built with (`new KVCache(redis, 'user', { fetcher })`)
  if (collectingCalls && collectingCalls.length < 4 && ts.isPropertyAccessExpression(callee)) {
    // kept beside what follows: only an instance built with a function there makes it a loader
    const loader = ctorLoaderOf(callee, ctx);
    if (loader) pushCall(loader);
  }
  // Pattern: allowed = await this.perms.check(tenantId, roleId) — a method of an injected service, recorded as a call
  if (collectingCalls && collectingCalls.length < 4 && ts.isCallExpression(call) && ts.isPropertyAccessExpression(callee)) {
    const id = ctx.callIds.get(call);
    if (id !== undefined && ctx.facts.calls[id].receiver.t !== 'lib') pushCall({ call: id });
  }
  // Pattern: toMerchantView(row) — a mapper of a row holds the row's entity (its source stays 'call').
  // Only a variable handed in directly, near the value: following every argument of every call is exponential.
  // After the callee: `getUserById(db, token.user.id)` is first the result of getUserById, whatever
  // its arguments came from (their calls only fill the places left).
  // A cache read's arguments are its key: `await userCache.get(token.user.id)` holds no token.
  const cacheRead = ts.isCallExpression(call) && !!name && CACHE_METHOD_NAMES.has(name.toLowerCase()) && ctx.callIds.has(call);
  if (collecting && depth <= 2 && !cacheRead)
    for (const a of call.arguments) {
      const u = unwrap(a);
      // (not a row's id or credentials: `provider.analytics(row.internalId, row.token)` asks another
      // service about the row, it maps nothing of it)
      if (ts.isIdentifier(u) || (ts.isPropertyAccessExpression(u) && !LOOKUP_FIELD.test(u.name.text))) sourceOf(u, ctx, depth + 1);
    }
  return 'call';
}

/**
 * The constructor argument a called member of `this` holds: `this.fetcher` assigned `opts.fetcher`
 * (or `fetcher`) in the constructor, `this.opts.fetcher` with `opts` a parameter property, or a
 * parameter property itself (`constructor(private load: (k: string) => Promise<T>)`).
 */
function ctorLoaderOf(callee: ts.PropertyAccessExpression, ctx: FileCtx): { ctor: number; prop?: string } | undefined {
  let root: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(root)) root = unwrap(root.expression);
  if (root.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  let e: ts.Expression = callee;
  const props: string[] = [];
  for (let step = 0; step < 6; step++) {
    const u = unwrap(e);
    const onThis = ts.isPropertyAccessExpression(u) && unwrap(u.expression).kind === ts.SyntaxKind.ThisKeyword;
    if (ts.isPropertyAccessExpression(u) && !onThis) {
      props.unshift(u.name.text);
      e = u.expression;
      continue;
    }
    if (!onThis && !ts.isIdentifier(u)) return undefined;
    const t = resolveName(u, ctx.facts.imports);
    if (t?.t === 'param' && ts.isConstructorDeclaration(t.decl.parent))
      return { ctor: t.decl.parent.parameters.indexOf(t.decl), ...(props.length > 0 ? { prop: props.join('.') } : {}) };
    if (t?.t !== 'expr') return undefined;
    e = t.expr;
  }
  return undefined;
}

function isGlobalNamespace(e: ts.Expression): boolean {
  return ts.isIdentifier(e) && /^(JSON|Object|Array|Promise|String)$/.test(e.text);
}

/** `fetch(u)`, `axios.get(u)`, `got(u)`, `this.httpService.get(u)` (Nest's HttpService from @nestjs/axios). */
export function isHttpCall(callee: ts.Expression, ctx: FileCtx): boolean {
  let root: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root) || ts.isElementAccessExpression(root))
    root = ts.isCallExpression(root) ? root.expression : root.expression;
  if (ts.isIdentifier(root)) {
    if (HTTP_GLOBALS.has(root.text) && root === callee) return !declarationOf(root, ctx.facts.imports);
    const d = declarationOf(root, ctx.facts.imports);
    if (d?.t === 'import') return HTTP_MODULES.test(d.imp.module);
    if (d?.t === 'var' && d.node.initializer) {
      // Pattern: const api = axios.create({ baseURL })
      const init = unwrap(d.node.initializer);
      if (ts.isCallExpression(init)) return isHttpCall(unwrap(init.expression), ctx);
    }
    return false;
  }
  // Pattern: this.httpService.get(u) / this.http.post(u)
  if (root.kind === ts.SyntaxKind.ThisKeyword && ts.isPropertyAccessExpression(callee)) {
    const recv = callee.expression;
    return ts.isPropertyAccessExpression(recv) && /^(httpService|http|httpClient|axios)$/.test(recv.name.text);
  }
  return false;
}

/**
 * What a value built from several reads makes of its rows: what they all make, or a ranking when
 * one ranks and another keeps the newest (`trending` falls back to newest first while nothing has
 * views); null when they differ otherwise.
 */
function mergedAggregate(prev: Aggregate | null | undefined, next: Aggregate | null): Aggregate | null {
  if (prev === undefined || prev === next) return next;
  if ((prev === 'ranked' && next === 'latest') || (prev === 'latest' && next === 'ranked')) return 'ranked';
  return null;
}
