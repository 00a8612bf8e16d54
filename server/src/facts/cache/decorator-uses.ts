// Decorations of methods with cache decorators, recorded as calls (CallFact, receiver `decorator`)
// of the decorated method, so the linker reads each as the cache calls the decorator wraps the
// method with (model/decorated-ops.ts): `@Cacheable(CacheEnum.USER, '{id}')` with `Cacheable`
// imported from the project or declared in this file (decorators.ts), and Nest's `@CacheKey('k')
// @CacheTTL(60)` under `@UseInterceptors(CacheInterceptor)`. Recorded after the walk, once the
// method's database writes and reads are known: what the method writes precedes what the
// decorator does after calling it, and what it reads is what a miss loads.
import { ts } from 'ts-morph';
import type { VisitorMap } from '../../syntax/walk';
import type { FileCtx } from '../context';
import { runsWithin } from '../flow/order';
import { keyExprOf, keyPartsOf } from '../keys/key-exprs';
import { declarationOf, decoratorsOf, enclosingClass, unwrap } from '../../syntax/scope';
// the import-table test shared with the database recognisers (path aliases, and the config's project modules)
import { isProjectModule } from '../db/common';
import type { ArgFact, CallFact, ClientRef } from '../types';
import { literalArg } from './cache-calls';
import { returnExprOf, returnExprsOf } from '../../syntax/local-values';

interface Use {
  decorator: ts.Decorator;
  call: ts.CallExpression;
  method: ts.MethodDeclaration;
  receiver: Extract<ClientRef, { t: 'decorator' }>;
}

export interface UseState {
  uses: Use[];
}

export function createUseState(): UseState {
  return { uses: [] };
}

const NEST_CACHE = /^@nestjs\/(cache-manager|common)$/;

function onDecorator(d: ts.Decorator, ctx: FileCtx, st: UseState): void {
  const method = d.parent;
  const call = d.expression;
  if (!ts.isMethodDeclaration(method) || !method.body || !ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return;
  const callee = call.expression;
  const decl = declarationOf(callee, ctx.facts.imports);
  if (decl?.t === 'import') {
    // Pattern: @CacheKey('stats') @CacheTTL(60) under @UseInterceptors(CacheInterceptor)
    if (decl.imp.name === 'CacheKey' && NEST_CACHE.test(decl.imp.module)) st.uses.push({ decorator: d, call, method, receiver: { t: 'decorator', nest: true } });
    // Pattern: @Cacheable(CacheEnum.SYS_USER_KEY, '{userId}') with Cacheable from the project
    else if (isProjectModule(decl.imp.module, ctx.config)) st.uses.push({ decorator: d, call, method, receiver: { t: 'decorator', ref: { module: decl.imp.module, name: decl.imp.name } } });
  } else if (decl?.t === 'function' || decl?.t === 'var') st.uses.push({ decorator: d, call, method, receiver: { t: 'decorator', local: callee.text } });
}

export function decoratorUseVisitors(ctx: FileCtx, st: UseState): VisitorMap {
  return { [ts.SyntaxKind.Decorator]: [(n) => onDecorator(n as ts.Decorator, ctx, st)] };
}

function span(n: ts.Node) {
  return { start: n.getStart(), end: n.end };
}

function isKeyLike(e: ts.Expression): boolean {
  return (
    ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) || ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) ||
    (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken)
  );
}

/**
 * The key a function given to a decoration returns (`(command) => buildSubscriberKey({ … })`,
 * `builder(cmd) { return \`user:${cmd.id}\` }`): the decorator calls it with the method's
 * arguments. What isKeyLike allows, or a key builder's call.
 */
function keyOfFunction(fn: ts.Node): ts.Expression | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn) && !ts.isMethodDeclaration(fn)) return undefined;
  const r = returnExprOf(fn);
  const u = r && unwrap(r);
  return u && (isKeyLike(u) || ts.isCallExpression(u)) ? u : undefined;
}

/** A decoration's argument: literal values, key parts, and an options object's properties. */
function argOf(a: ts.Expression, ctx: FileCtx): ArgFact {
  // Pattern: @Cache({ key: 'dict:#{type}', ttl: 600 })
  const f = literalArg(a, ctx, true);
  const u = unwrap(a);
  if (!f.spread && isKeyLike(u)) f.parts = keyPartsOf(a, ctx);
  // Pattern: @CachedEntity((id) => buildUserKey(id)) — the key is what the function returns
  const fnKey = keyOfFunction(u);
  if (fnKey) f.parts = keyPartsOf(fnKey, ctx);
  // Pattern: @CachedEntity({ builder: (command) => buildSubscriberKey({ … }) })
  if (ts.isObjectLiteralExpression(u))
    for (const p of u.properties) {
      const name = p.name && ts.isIdentifier(p.name) ? p.name.text : undefined;
      const key = name && keyOfFunction(ts.isPropertyAssignment(p) ? unwrap(p.initializer) : p);
      if (name && key) (f.propParts ??= {})[name] = keyPartsOf(key, ctx);
    }
  return f;
}

/**
 * Pattern: getNotificationCount(cmd) { return await this.notificationRepository.count({ _organizationId: cmd.orgId }, 1) } —
 * every return of the method is a database count: the fields its filter object names (Prisma's
 * `{ where: { … } }` too), or [] when the filter is not an object literal.
 */
function countFilter(method: ts.MethodDeclaration, ctx: FileCtx): string[] | undefined {
  const returns = returnExprsOf(method);
  if (!returns?.length) return undefined;
  const fields = new Set<string>();
  for (const r of returns) {
    let e = unwrap(r);
    if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
    if (!ts.isCallExpression(e)) return undefined;
    const hit = ctx.db?.recognise(e) as { kind?: string; aggregate?: string } | undefined;
    if (hit?.kind !== 'read' || hit.aggregate !== 'count') return undefined;
    let filter = e.arguments[0] && unwrap(e.arguments[0]);
    if (filter && ts.isObjectLiteralExpression(filter)) {
      const where = filter.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'where');
      if (where && ts.isPropertyAssignment(where)) filter = unwrap(where.initializer);
    }
    if (!filter || !ts.isObjectLiteralExpression(filter)) return [];
    for (const p of filter.properties) {
      const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
      if (!name || (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p))) return [];
      fields.add(name);
    }
  }
  return [...fields];
}

/** The method returns a value of its own (`return rows`), not only from callbacks inside it. */
function returnsValue(method: ts.MethodDeclaration): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) found = true;
    else ts.forEachChild(n, visit);
  };
  if (method.body) ts.forEachChild(method.body, visit);
  return found;
}

/**
 * The fields a method's result depends on when every `return` says: a field of a row (`return
 * data.configValue`) or an object literal of plain properties, with every property the method's
 * queries name (`where: { configKey, delFlag: '0' }`: a write of the filter changes the result).
 * Undefined otherwise (the whole row).
 */
function returnedFields(method: ts.MethodDeclaration): string[] | undefined {
  const out = new Set<string>();
  let open = false;
  const visit = (n: ts.Node): void => {
    if (open || ts.isFunctionLike(n)) return;
    if (ts.isObjectLiteralExpression(n))
      for (const p of n.properties) if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) out.add(p.name.text.toLowerCase());
    if (ts.isReturnStatement(n) && n.expression) {
      const e = unwrap(n.expression);
      if (ts.isPropertyAccessExpression(e) && !ts.isCallExpression(e.parent)) out.add(e.name.text.toLowerCase());
      else if (ts.isObjectLiteralExpression(e) && e.properties.every((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isIdentifier(p.name)))
        for (const p of e.properties) out.add((p.name as ts.Identifier).text.toLowerCase());
      else open = true;
    } else ts.forEachChild(n, visit);
  };
  if (method.body) ts.forEachChild(method.body, visit);
  return open || out.size === 0 ? undefined : [...out].sort();
}

/** `@UseInterceptors(CacheInterceptor)` on the method or its class: Nest's cache then runs for it. */
function intercepted(method: ts.MethodDeclaration): boolean {
  const has = (n: ts.Node | undefined) =>
    !!n && decoratorsOf(n).some((d) => d.name === 'UseInterceptors' && d.args.some((a) => ts.isIdentifier(unwrap(a)) && (unwrap(a) as ts.Identifier).text === 'CacheInterceptor'));
  return has(method) || has(enclosingClass(method));
}

/**
 * After the walk (and after the walk's calls are related to writes): each decoration becomes a
 * call fact of the method. `defs`: the names of the cache decorators declared in this file.
 */
export function finishDecoratorUses(ctx: FileCtx, st: UseState): void {
  if (st.uses.length === 0) return;
  const { facts } = ctx;
  const defs = new Set((facts.decorators ?? []).map((d) => d.name));
  for (const u of st.uses) {
    if (u.receiver.local !== undefined && !defs.has(u.receiver.local)) continue;
    const args = u.call.arguments.map((a) => argOf(a, ctx));
    let key: CallFact['key'];
    if (u.receiver.nest) {
      const k = u.call.arguments[0];
      if (!k || !intercepted(u.method)) continue;
      key = keyExprOf(k, ctx);
      // Pattern: @CacheTTL(60) next to @CacheKey: the second argument carries the TTL
      const ttl = ts.getDecorators(u.method)?.find((d) => ts.isCallExpression(d.expression) && ts.isIdentifier(d.expression.expression) && d.expression.expression.text === 'CacheTTL');
      const ttlArg = ttl && (ttl.expression as ts.CallExpression).arguments[0];
      args.length = 1;
      if (ttlArg) args.push(argOf(ttlArg, ctx));
    }
    const fn = ctx.fnIdOf(u.method.body!);
    const methodSpan = facts.fns[fn - 1].span;
    const afterWrites: number[] = [];
    ctx.dbWriteNodes.forEach((w, j) => {
      if (runsWithin(w, u.method)) afterWrites.push(j);
    });
    const reads = facts.dbReads.filter((r) => r.fn > 0 && facts.fns[r.fn - 1].span.start >= methodSpan.start && facts.fns[r.fn - 1].span.end <= methodSpan.end);
    const callee = span(u.call.expression);
    const fact: CallFact = {
      id: facts.calls.length,
      span: span(u.decorator),
      method: (u.call.expression as ts.Identifier).text,
      methodSpan: callee,
      receiverSpan: callee,
      receiver: u.receiver,
      args,
      argsEnd: u.call.arguments.end,
      fn,
      afterWrites,
      // what a miss of the cached method loads: the method's own database reads, else whatever it calls
      fallback: reads.length > 0 ? 'db' : 'call',
    };
    // a warm-up method that returns nothing caches no rows, whatever it reads
    const entities = returnsValue(u.method) ? [...new Set(reads.flatMap((r) => (r.entity ? [r.entity] : [])))] : [];
    if (entities.length > 0) fact.readEntities = entities;
    const holds = entities.length > 0 ? returnedFields(u.method) : undefined;
    if (holds) fact.returnHolds = holds;
    const counted = entities.length > 0 ? countFilter(u.method, ctx) : undefined;
    if (counted) fact.returnsCountOf = counted;
    if (key) fact.key = key;
    facts.calls.push(fact);
  }
}
