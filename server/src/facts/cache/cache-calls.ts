// Records every call that may touch a cache: a cache verb on a recognised client, any method of a
// project value that may wrap a client (resolved later by the linker), and plain function calls
// that may be function wrappers. After the walk it relates each call to the DB writes that precede
// it in the same flow, and spots wrapper methods (a parameter flowing into a client call's key).
import { ts } from 'ts-morph';
import { holdsInstanceArg, keyExprOf, keyPartsOf, listItemsOf } from '../keys/key-exprs';
import { CACHE_METHOD_NAMES, FINDS_KEYS, isCacheMethodName, PIPELINE_METHODS } from './verbs';
import { clientOf, isProjectModule, lenderOf, ownGetter } from './clients';
import type { FileCtx } from '../context';
import { isMadeInstance, projectFunctionOf } from './made-instances';
import { isMakerParamAt, madeBy, madeOwner } from '../../syntax/made-closures';
import { missFallback } from '../flow/miss-fallback';
import { optInGuardOf } from '../flow/opt-in';
import { mintedHere } from '../keys/minted';
import { heldLock } from '../flow/held-lock';
import { precedesInFlow, runsAlongside } from '../flow/order';
import { relateLater } from '../flow/later-writes';
import { valueSource, type ReadColumns } from '../flow/value-sources';
import { rowFieldOf } from '../db/row-field';
import { constObjectLiteral } from '../db/filter-fields';
import { awaitsBefore, onAbsentPath } from '../flow/absent-path';
import { declarationOf, enclosingClass, extendsClause, type FunctionLike, plainPropNames, propertyNameText, enclosingFunction, indentAt, isFunctionLike, memberName, oneOrList, unwrap, objectPropertyValue, takenFirstBy } from '../../syntax/scope';
import { flagSubject, isJsonStringify, isPlainSentinel, sentinelOf } from '../keys/sentinels';
import type { ArgFact, CallFact, ClientRef, FnFact, SourceCall } from '../types';
import { globalPathOf } from './global-clients';
import type { VisitorMap } from '../../syntax/walk';
import { treeMemo } from '../../syntax/tree-memo';
import { constNumber } from '../../syntax/local-values';
import { ORM_VERBS } from '../db/orm';
import { implicitClient } from './decorators';
import { isIdName } from '../keys/entities';

function span(n: ts.Node) {
  return { start: n.getStart(), end: n.end };
}

/**
 * An argument as written: a spread, a string or number literal, or an object literal's property
 * names with their numbers and (with `keyProps`) the key parts of key-like values (`{ id: user.id }`,
 * `@Cache({ key: 'dict:#{type}' })`). Shared by calls and decorations.
 */
export function literalArg(a: ts.Expression, ctx: FileCtx, keyProps: boolean): ArgFact {
  const f: ArgFact = { span: span(a) };
  if (ts.isSpreadElement(a)) {
    f.spread = true;
    return f;
  }
  const e = unwrap(a);
  if (ts.isStringLiteralLike(e)) f.str = e.text;
  else if (ts.isObjectLiteralExpression(e)) {
    f.props = [];
    for (const p of e.properties) {
      if (ts.isSpreadAssignment(p)) {
        f.props = undefined;
        break;
      }
      const n = propertyNameText(p.name);
      if (n === undefined) continue;
      f.props.push(n);
      const init = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
      const num = init && constNumber(init, ctx.facts.imports);
      if (num !== undefined) (f.propNums ??= {})[n] = num;
      if (init?.kind === ts.SyntaxKind.TrueKeyword) (f.propTrue ??= []).push(n);
      if (keyProps && init && isKeyLike(init)) (f.propParts ??= {})[n] = keyPartsOf(init, ctx);
    }
  }
  else {
    // Pattern: redis.set(k, v, 'EX', 60 * 60 * 24) / (k, v, 'EX', ONE_DAY)
    const num = constNumber(e, ctx.facts.imports);
    if (num !== undefined) f.num = num;
  }
  return f;
}

function argFact(a: ts.Expression, ctx: FileCtx, fn: ts.SignatureDeclaration | undefined, index: number, wrapperCandidate: boolean, valueFirst = false): ArgFact {
  // Pattern: put({ id: user.id, value }) into a wrapper that destructures { id }
  const f = literalArg(a, ctx, wrapperCandidate && index < MAX_PART_ARGS);
  if (f.spread) {
    // Pattern: set: (key, value, ...args) => redis.set(key, value, ...args) — the caller's options, passed on
    const p = ts.isSpreadElement(a) && ts.isIdentifier(a.expression) && fn ? fn.parameters.findIndex((x) => !!x.dotDotDotToken && ts.isIdentifier(x.name) && x.name.text === (a.expression as ts.Identifier).text) : -1;
    if (p >= 0) f.restParam = p;
    return f;
  }
  const e = unwrap(a);
  // Pattern: redis.set(`views-${id}`, String(views + 1)) — a number read and written back one up: a counter
  if (index === 1 && bumped(e)) f.bump = true;
  // Pattern: hset([CKEY.USER, id], row) into a wrapper that joins the list into its key
  if (wrapperCandidate && index < MAX_PART_ARGS) {
    const items = listItemsOf(a, ctx);
    if (items) f.items = items;
  }
  // Pattern: redisClient.set(key, value, { EX: opts.ex }) inside setJSON(key, obj, opts = {})
  if (ts.isObjectLiteralExpression(e) && fn && index >= 2) {
    for (const p of e.properties) {
      const init = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
      const prop = propertyNameText(p.name);
      if (!init || prop === undefined || !ts.isPropertyAccessExpression(init) || !ts.isIdentifier(init.expression)) continue;
      const d = declarationOf(init.expression, ctx.facts.imports);
      if (d?.t === 'param' && d.fn === fn) f.propParam = { prop, param: d.index, member: init.name.text };
    }
  }
  if (f.str === undefined && f.num === undefined && (!ts.isObjectLiteralExpression(e) || (index > 0 && copiedFrom(e))) && fn) {
    // Pattern: a parameter, or a wrapper serialising it: this.redis.set(key, JSON.stringify(value), …)
    const i = paramIndexOf(e, fn, ctx, 0, index > 0);
    if (i !== undefined) f.param = i;
    // Pattern: redis.set(k, v, 'EX', ttl) with ttl a parameter of `cached(prefix, ttl, load)`
    else if (ts.isIdentifier(e)) {
      const d = declarationOf(e, ctx.facts.imports);
      if (d?.t === 'param' && isMakerParamAt(d.fn, e)) f.madeParam = d.index;
    }
  }
  // Pattern: redis.hset(k, `track:${id}`, pos) — the field family a hash write sets
  if (index === 1 && f.str === undefined) {
    const head = ts.isTemplateExpression(e) ? e.head.text : ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken && ts.isStringLiteralLike(unwrap(e.left)) ? (unwrap(e.left) as ts.StringLiteralLike).text : '';
    if (head) f.head = head;
  }
  if (index >= 1 && index <= 2) {
    const s = sentinelOf(a, ctx);
    if (s === true) f.sentinel = true;
    const flag = s === true ? flagSubject(a) : undefined;
    if (flag) f.flagOf = flag;
    else if (s && typeof s === 'object') f.sentinelRef = s;
    // Pattern: setex(`game:timer:${id}`, t, '') once a game starts — the same "nothing" on every path is a flag
    if (s && isPlainSentinel(a, ctx) && !onAbsentPath(a.parent, ctx) && awaitsBefore(a.parent)) f.unconditional = true;
  }
  // Pattern: redis.mset({ [k]: v }) — the values are in the first argument; a project helper may
  // take the row first and build the key inside (`cacheUser(user)`): what it was loaded from counts
  if ((index >= 1 && index < MAX_PART_ARGS) || (index === 0 && (valueFirst || wrapperCandidate))) {
    const entities = new Set<string>();
    const calls: SourceCall[] = [];
    const columns: ReadColumns = { names: new Set(), open: false };
    const src = valueSource(a, ctx, 0, entities, calls, columns);
    if (src) f.src = src;
    if (entities.size > 0) {
      f.srcEntities = [...entities];
      // Pattern: set(k, new AuthUser(user)) — the row's entity, and what the class keeps of it
      const built = calls.filter((c) => 'new' in c);
      if (built.length > 0) f.srcCalls = built;
    } else if (calls.length > 0) f.srcCalls = calls;
    if (entities.size > 0 && columns.aggregate) f.aggregate = columns.aggregate;
    if (entities.size > 0 && columns.pins) f.pins = columns.pins;
    if (entities.size > 0 && columns.by) f.by = columns.by;
    if (entities.size > 0 && columns.includes) f.includes = [...columns.includes];
    const holds = heldFields(a, entities.size > 0 && !columns.open ? columns.names : undefined, ctx);
    if (holds) f.holds = holds;
    else {
      const of = wholeResultOf(a, calls);
      if (of) f.holdsOf = of;
    }
  }
  // Pattern: cache.put(id, row) into `put(id, v) { redis.set(this.key(id), v) }`: the caller's id
  if (wrapperCandidate && index > 0 && index < MAX_PART_ARGS && isKeyLike(e)) f.parts = keyPartsOf(a, ctx);
  return f;
}

/**
 * The parameter of `fn` an argument passes on: the parameter itself, serialised
 * (`JSON.stringify(value)`, `String(ttl)`), or through a local const (`const data = JSON.stringify(val)`).
 */
function paramIndexOf(e: ts.Expression, fn: ts.SignatureDeclaration, ctx: FileCtx, depth = 0, value = false): number | undefined {
  const u = unwrap(e);
  if (depth > 4) return undefined;
  // Pattern: String(ttl); for a value also this.toRedisConverter(value), superjson.stringify(value) —
  // a serialiser of the wrapper's parameter (a key hashed by a call is another key)
  if (ts.isCallExpression(u) && u.arguments.length >= 1 && u.arguments.length <= 2) {
    const word = calleeWord(u.expression);
    if ((u.arguments.length === 1 && /^(String|Number|stringify|serialize|encode|floor|ceil|round|trunc)$/.test(word)) || (value && SERIALISER.test(word)))
      return paramIndexOf(u.arguments[0], fn, ctx, depth + 1, value);
  }
  // Pattern: typeof val === 'object' ? JSON.stringify(val) : String(val)
  if (ts.isConditionalExpression(u)) {
    // Pattern: const keys = Array.isArray(key) ? key : [key]  (one key or many, passed on as a list)
    const listed = oneOrList(u);
    if (listed) return paramIndexOf(listed, fn, ctx, depth + 1);
    const a = paramIndexOf(u.whenTrue, fn, ctx, depth + 1);
    return a !== undefined && a === paramIndexOf(u.whenFalse, fn, ctx, depth + 1) ? a : undefined;
  }
  // Pattern: cache.set(key, `${value}`) — the parameter as a string, as String(value)
  if (ts.isTemplateExpression(u) && u.head.text === '' && u.templateSpans.length === 1 && u.templateSpans[0].literal.text === '')
    return paramIndexOf(u.templateSpans[0].expression, fn, ctx, depth + 1, value);
  // Pattern: setJson(key, { ...blog }) — a shallow copy of the parameter is its value
  const copied = value ? copiedFrom(u) : undefined;
  if (copied) return paramIndexOf(copied, fn, ctx, depth + 1, value);
  if (!ts.isIdentifier(u)) return undefined;
  const i = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === u.text);
  if (i >= 0) return i;
  const d = declarationOf(u, ctx.facts.imports);
  if (d?.t === 'var' && d.node.initializer && d.node.parent && ts.isVariableDeclarationList(d.node.parent) && d.node.parent.flags & ts.NodeFlags.Const)
    return paramIndexOf(d.node.initializer, fn, ctx, depth + 1, value);
  return undefined;
}

/** `{ ...row }`, a shallow copy: `row`. */
function copiedFrom(e: ts.Expression): ts.Expression | undefined {
  return ts.isObjectLiteralExpression(e) && e.properties.length === 1 && ts.isSpreadAssignment(e.properties[0]) ? e.properties[0].expression : undefined;
}

/** Methods that send a command by name: Bun's `send`, ioredis `call`, node-redis `sendCommand`. */
const RAW_COMMAND = /^(send|sendCommand|send_command|call|command|executeCommand)$/;

/** A raw command with a literal cache verb: the verb, its arguments, and where a fix may append one. */
function rawCommand(call: ts.CallExpression, method: string): { verb: string; args: readonly ts.Expression[]; end: number } | undefined {
  if (!RAW_COMMAND.test(method)) return undefined;
  let args: readonly ts.Expression[] = call.arguments;
  let end = call.arguments.end;
  const list = (e: ts.Expression | undefined) => (e && ts.isArrayLiteralExpression(unwrap(e)) ? (unwrap(e) as ts.ArrayLiteralExpression).elements : undefined);
  const whole = args.length === 1 ? list(args[0]) : undefined;
  if (whole) [args, end] = [whole, whole.end];
  const head = args[0] && unwrap(args[0]);
  if (!head || !ts.isStringLiteralLike(head) || !/^[A-Za-z]+$/.test(head.text)) return undefined;
  const verb = head.text.toLowerCase();
  if (!CACHE_METHOD_NAMES.has(verb)) return undefined;
  args = args.slice(1);
  const inner = args.length === 1 ? list(args[0]) : undefined;
  if (inner) [args, end] = [inner, inner.end];
  return { verb, args, end };
}

/** Names of functions that turn a value into what a store keeps. */
// Pattern: this.stringifyValue(value), serializeEntry(v) — the verb with a word after it too
const SERIALISER = /^(?:(?:stringify|serialize|serialise|encode|pack|marshal|dumps?|compress)(?:[A-Z]\w*)?|to[A-Z]\w*|\w*(?:Converter|Serializer|Serialiser|Encoder))$/;

/** `this.encode` → `encode`, `superjson.stringify` → `stringify`, `pack` → `pack`. */
function calleeWord(e: ts.Expression): string {
  const c = unwrap(e);
  return ts.isIdentifier(c) ? c.text : ts.isPropertyAccessExpression(c) ? c.name.text : '';
}

/** Arguments past this index are never keys, values or TTLs a rule looks at. */
const MAX_PART_ARGS = 4;

/** Expressions a key (or a key part) can be: names, literals, templates, concatenations, builder calls. */
function isKeyLike(e: ts.Expression): boolean {
  switch (e.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.TemplateExpression:
    case ts.SyntaxKind.BinaryExpression:
    case ts.SyntaxKind.CallExpression:
      return true;
    default:
      return false;
  }
}

/** Is this call's receiver a pipeline/multi chain (`redis.pipeline().set(...).expire(...)`)? */
function pipelineRoot(recv: ts.Expression, ctx: FileCtx): { client: ClientRef; id: number } | undefined {
  let e = unwrap(recv);
  // Pattern: const p = redis.multi(); p.set(...)
  if (ts.isIdentifier(e)) {
    const d = declarationOf(e, ctx.facts.imports);
    if (d?.t === 'var' && d.node.initializer) e = unwrap(d.node.initializer);
  }
  for (let i = 0; i < 64 && ts.isCallExpression(e); i++) {
    const callee = unwrap(e.expression);
    const m = memberName(callee);
    if (!m || !(ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))) return undefined;
    if (PIPELINE_METHODS.has(m)) {
      // any client reference (an imported client too): the linker decides what it is
      const c = clientOf(callee.expression, ctx);
      return c && c.t !== 'unknown' && c.t !== 'fn' ? { client: c, id: e.getStart() } : undefined;
    }
    e = unwrap(callee.expression);
  }
  return undefined;
}

/** A receiver named for a cache: `this.cacheService.userMutingsCache`, `this.caches.tags`, `this.redis`. */
const CACHE_MEMBER = /cache|redis|valkey|keyv/i;

function receiverOf(call: ts.CallExpression, ctx: FileCtx, raw: boolean): { recv: ts.Expression; method: string; methodNode: ts.Node; client?: ClientRef } | undefined {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee)) {
    const method = memberName(callee);
    if (!method) return undefined;
    const methodNode = ts.isPropertyAccessExpression(callee) ? callee.name : callee.argumentExpression;
    // a raw command naming a cache verb (`send('SETEX', …)`) counts as that verb
    const known = raw || isCacheMethodName(method);
    const pipe = known ? pipelineRoot(callee.expression, ctx) : undefined;
    if (pipe) return { recv: callee.expression, method, methodNode, client: { ...pipe.client, pipeline: pipe.id } };
    // Pattern: this.touch(key) inside a class whose methods may wrap a client (resolved by the linker)
    const self = unwrap(callee.expression).kind === ts.SyntaxKind.ThisKeyword ? enclosingClass(call)?.name?.text : undefined;
    let client = self ? ({ t: 'class', name: self } as ClientRef) : clientOf(callee.expression, ctx) ?? implicitClient(callee.expression, ctx);
    // Pattern: getTeam.clear(id) with `const getTeam = cached('team', 600, load)` in this file
    const inst = unwrap(callee.expression);
    if ((!client || client.t === 'unknown' || (client.t === 'import' && client.called)) && ts.isIdentifier(inst) && isMadeInstance(inst, ctx))
      return { recv: callee.expression, method, methodNode, client: { t: 'fn', local: inst.text, member: true } };
    if (client?.t === 'lib' && !known) return undefined;
    // the result of any imported function (`getUsers().map(…)`): only a cache verb may be a client call
    if (client?.t === 'import' && client.called && !known) return undefined;
    // a member of a service (`this.users.repo.find()`) is rarely a client: only its cache verbs are
    // kept, and any method of a member reached through a cache (`this.cacheService.userMutingsCache.refresh(id)`,
    // `this.caches.blockedBy.refresh(id)`: the linker tells whether the class it holds wraps a client)
    if (client?.t === 'member' && !known && !CACHE_MEMBER.test(callee.expression.getText(ctx.sf))) return undefined;
    if (!client && !known) return undefined;
    // Pattern: WIKI.cache.get(k) with WIKI a global namespace filled at start-up (the linker finds the assignment)
    const global = known && (!client || client.t === 'unknown') ? globalPathOf(callee.expression, ctx) : undefined;
    if (global) return { recv: callee.expression, method, methodNode, client: { t: 'unknown', global } };
    return { recv: callee.expression, method, methodNode, client: client ?? (known ? { t: 'unknown' } : undefined) };
  }
  // Pattern: await cacheSet(key, value) with cacheSet a local or imported function (maybe a wrapper)
  if (ts.isIdentifier(callee) && call.arguments.length > 0) {
    const f = projectFunctionOf(callee, ctx);
    // Pattern: getTeam(id) with `const getTeam = cached('team', 600, load)` in this file
    const client: ClientRef | undefined = f ? { t: 'fn', ...f } : isMadeInstance(callee, ctx) ? { t: 'fn', local: callee.text } : undefined;
    if (client) return { recv: callee, method: callee.text, methodNode: callee, client };
  }
  return undefined;
}

export function cacheCallVisitors(ctx: FileCtx): VisitorMap {
  return {
    [ts.SyntaxKind.CallExpression]: [
      (node) => {
        const call = node as ts.CallExpression;
        const lentBy = lendingOwner(call);
        const fnId = lentBy ? ctx.fnIdOf(lentBy.body!) : ctx.fnIdOf(call);
        const calleeName = memberName(unwrap(call.expression)) ?? (ts.isIdentifier(call.expression) ? call.expression.text : undefined);
        // Pattern: client.send('SETEX', [k, ttl, v]) (Bun), redis.call('SET', k, v, 'EX', 60), sendCommand(['DEL', k])
        const raw = calleeName && ts.isPropertyAccessExpression(unwrap(call.expression)) ? rawCommand(call, calleeName) : undefined;
        const r = receiverOf(call, ctx, !!raw);
        // `this.users.update(…)` is the ORM's update, not the class's own `update` method; a custom
        // repository's own method (`this.configRepository.updateConfig(…)`) is a call of it all the same
        if (fnId > 0 && calleeName && (!ctx.dbCallNodes.has(call) || !ORM_VERBS.has(calleeName))) {
          const info = ctx.facts.fns[fnId - 1];
          const calls = info.calls;
          calls.push(calleeName);
          // Pattern: if (suspicious) { await this.wallets.lock(id); throw new ForbiddenException() }
          const thrown = throwAfter(call);
          if (thrown !== undefined) (info.callsBeforeThrow ??= []).push({ name: calleeName, from: call.end, to: thrown });
          // `this.licenses.cache.del(k)`: an unresolved receiver named like a cache still reads as
          // one (a resolved client's calls are ops, judged by their keys)
          const callee = unwrap(call.expression);
          const recv = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
          const tail = recv && (ts.isPropertyAccessExpression(recv) ? recv.name.text : ts.isIdentifier(recv) ? recv.text : undefined);
          // (not TypeORM's own query cache: `connection.queryResultCache.remove(['Order'])` drops query
          // results by their cache ids, none of the application's keys)
          if (tail && /cache|redis/i.test(tail) && tail !== 'queryResultCache' && (!r?.client || r.client.t === 'unknown')) calls.push(`${tail}.${calleeName}`);
        }
        if (!r?.client) return;
        // an unresolved receiver is kept only for reads with a literal key (a use of that key)
        if (r.client.t === 'unknown' && !r.client.global && !(call.arguments[0] && /^(get|hget|hgetall|mget|exists|wrap)$/i.test(r.method))) return;
        const method = raw?.verb ?? r.method;
        // Pattern: cache.getOrSet({ key: `user:${id}`, factory: () => User.find(id), ttl: '5m' }) — an options object
        const options = raw ? undefined : optionsCall(method, call.arguments);
        const callArgs = raw?.args ?? options?.args ?? call.arguments;
        const argsEnd = raw?.end ?? call.arguments.end;
        const fn = lentBy ?? enclosingFunction(call);
        // a call of a project value may go through a wrapper that builds its key from its parameters
        const wrapperCandidate = r.client.t !== 'lib' && r.client.t !== 'unknown';
        // the values are in the first argument: redis.mset({ [k]: v }), or the one argument of a
        // single-entry cache's own setter (`this.set(value)` keyed by its constructor)
        const multiSet = /^m?set$|^msetnx$|^hmset$/i.test(method) && method.toLowerCase() !== 'set';
        const valueFirst = multiSet || (r.client.t === 'class' && callArgs.length === 1 && /^(set|put)$/i.test(method));
        const args = callArgs.map((a, i) => argFact(a, ctx, fn, i, wrapperCandidate, valueFirst));
        let first: ts.Expression | undefined = callArgs[0];
        let more: readonly ts.Expression[] = [];
        // Pattern: redis.scan(cursor, 'MATCH', pattern, 'COUNT', 100) / redis.scanStream({ match: pattern }) — the pattern is the key
        if (/^scan$/i.test(method)) first = matchArg(callArgs);
        else if (/^scanStream$/i.test(method)) first = matchOption(callArgs[0]);
        else if (/^eval(sha)?$/i.test(method)) {
          // Pattern: redis.eval(script, 2, k1, k2, …) (ioredis) / client.eval(script, { keys: [k1, k2] }) (node-redis)
          const keys = scriptKeys(callArgs);
          first = keys[0];
          more = keys.slice(1);
        }
        if (/^(del|unlink|mdel)$/i.test(method)) {
          // Pattern: redis.del(a, b)  /  client.del([a, b])
          const arr = first && unwrap(first);
          if (arr && ts.isArrayLiteralExpression(arr) && arr.elements.length > 0 && !arr.elements.some(ts.isSpreadElement)) {
            first = arr.elements[0];
            more = arr.elements.slice(1);
          // (node-redis 3's trailing callback is no key: `client.del(key, (err) => …)`, `del(key, cb)`)
          } else more = callArgs.slice(1).filter((a) => !ts.isSpreadElement(a) && !isCallback(a));
          // Pattern: del(keys: string | string[]) { if (typeof keys === 'string') keys = [keys]; return this.client.del(...keys) }
          if (first && ts.isSpreadElement(first) && callArgs.length === 1 && isOwnParam(first.expression, fn, ctx)) first = first.expression;
        }
        const fact: CallFact = {
          id: ctx.facts.calls.length,
          span: span(call),
          method,
          methodSpan: span(r.methodNode),
          receiverSpan: span(r.recv),
          receiver: r.client,
          args,
          argsEnd,
          key: first && !ts.isSpreadElement(first) ? keyExprOf(first, ctx) : undefined,
          ...(more.length > 0 ? { moreKeys: more.map((k) => keyExprOf(k, ctx)) } : {}),
          fn: fnId,
          afterWrites: [],
          pipeline: r.client.pipeline,
          stmt: ownStatement(call, ctx),
        };
        if (raw) fact.raw = true;
        if (options) fact.options = span(options.obj);
        if (fact.receiver.t === 'unknown' && !fact.receiver.global && !fact.key?.parts.some((p) => 'lit' in p)) return;
        // Pattern: const id = genCanvasID(); … await sync.saveState(id, state) — a key no reader had before
        if (first && !ts.isSpreadElement(first) && fnId > 0 && mintedHere(first, ctx)) fact.minted = true;
        if (fnId > 0 && heldLock(call, fn)) fact.locked = true;
        if (inCatchClause(call)) fact.inCatch = true;
        ctx.callIds.set(call, fact.id);
        ctx.facts.calls.push(fact);
        ctx.callNodes.push(call);
      },
    ],
  };
}

/** Methods whose one argument is an options object holding the key (bentocache, @adonisjs/cache). */
const OPTION_METHODS = /^(get|set|setForever|getOrSet|getOrSetForever|has|missing|delete|expire)$/;

/**
 * `cache.getOrSet({ key, factory, ttl })` as positional arguments: the key, the value (or the
 * factory), and the options object itself (its `ttl`). Undefined unless the one argument is an
 * object literal with a `key` property.
 */
function optionsCall(method: string, args: readonly ts.Expression[]): { args: ts.Expression[]; obj: ts.ObjectLiteralExpression } | undefined {
  if (args.length !== 1 || !OPTION_METHODS.test(method)) return undefined;
  const obj = unwrap(args[0]);
  if (!ts.isObjectLiteralExpression(obj)) return undefined;
  const key = objectPropertyValue(obj, 'key');
  if (!key) return undefined;
  const value = objectPropertyValue(obj, 'value') ?? objectPropertyValue(obj, 'factory');
  return { args: value ? [key, value, obj] : [key], obj };
}

/** `n + 1`, `n - 1` (also inside `String(…)`, `` `${…}` ``, `.toString()`): a tally moved by one. */
function bumped(e0: ts.Expression): boolean {
  let e = unwrap(e0);
  if (ts.isCallExpression(e) && e.arguments.length === 1 && ts.isIdentifier(e.expression) && /^(String|Number)$/.test(e.expression.text)) e = unwrap(e.arguments[0]);
  else if (ts.isCallExpression(e) && e.arguments.length === 0 && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'toString') e = unwrap(e.expression.expression);
  else if (ts.isTemplateExpression(e) && e.head.text === '' && e.templateSpans.length === 1 && e.templateSpans[0].literal.text === '') e = unwrap(e.templateSpans[0].expression);
  if (!ts.isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  if (op !== ts.SyntaxKind.PlusToken && op !== ts.SyntaxKind.MinusToken) return false;
  const one = (x: ts.Expression) => ts.isNumericLiteral(unwrap(x)) && unwrap(x).getText() === '1';
  const num = (x: ts.Expression) => !ts.isStringLiteralLike(unwrap(x)) && !ts.isTemplateExpression(unwrap(x));
  return (one(e.right) && num(e.left)) || (op === ts.SyntaxKind.PlusToken && one(e.left) && num(e.right));
}

/** A callback argument: a function, or a name callbacks go by (`cb`, `callback`, `done`, `next`). */
function isCallback(a: ts.Expression): boolean {
  const u = unwrap(a);
  return ts.isArrowFunction(u) || ts.isFunctionExpression(u) || (ts.isIdentifier(u) && /^(cb|callback|done|next|fn)$/.test(u.text));
}

/** The keys a script call names: after its key count (ioredis), or in `{ keys: […] }` (node-redis). */
function scriptKeys(args: readonly ts.Expression[]): ts.Expression[] {
  const n = args[1] && unwrap(args[1]);
  if (n && ts.isNumericLiteral(n)) return args.slice(2, 2 + Number(n.text)).filter((a) => !ts.isSpreadElement(a));
  const o = n && ts.isObjectLiteralExpression(n) ? n : undefined;
  const keys = o?.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyNameText(p.name) === 'keys');
  const arr = keys && unwrap(keys.initializer);
  return arr && ts.isArrayLiteralExpression(arr) ? arr.elements.filter((a) => !ts.isSpreadElement(a)) : [];
}

/** The pattern of `scan(cursor, 'MATCH', pattern, …)`. */
function matchArg(args: readonly ts.Expression[]): ts.Expression | undefined {
  const i = args.findIndex((a) => ts.isStringLiteralLike(a) && a.text.toUpperCase() === 'MATCH');
  return i >= 0 ? args[i + 1] : undefined;
}

/** The pattern of `scanStream({ match: pattern })`. */
function matchOption(a: ts.Expression | undefined): ts.Expression | undefined {
  const o = a && unwrap(a);
  return o && ts.isObjectLiteralExpression(o) ? objectPropertyValue(o, 'match') : undefined;
}

/** A parameter of `fn` itself, named bare: the keys a wrapper hands on as they were given. */
function isOwnParam(e: ts.Expression, fn: ts.Node | undefined, ctx: FileCtx): boolean {
  const u = unwrap(e);
  if (!fn || !ts.isIdentifier(u)) return false;
  const d = declarationOf(u, ctx.facts.imports);
  return d?.t === 'param' && d.fn === fn;
}

/** `await x.hset(…);` / `x.hset(…);` as a statement of its own: where a fix may add the next line. */
function ownStatement(call: ts.CallExpression, ctx: FileCtx): CallFact['stmt'] {
  let e: ts.Node = call;
  while (e.parent && (ts.isAwaitExpression(e.parent) || ts.isParenthesizedExpression(e.parent))) e = e.parent;
  if (!e.parent || !ts.isExpressionStatement(e.parent)) return undefined;
  return { start: e.parent.getStart(ctx.sf), end: e.parent.end, indent: indentAt(ctx.text, e.parent.getStart()) };
}

/** Calls whose result may be a cached value (a client read, a wrapper's getter, a read-through helper). */
const READ_LIKE = /get|fetch|read|load|lookup|find|wrap|remember|peek|has|exists|members|range|retrieve|restore|obtain|check/i;

/**
 * Pattern: const found = await redis.keys(`user:${id}:*`); if (found.length) await redis.del(...found)
 * (or a SCAN loop) — a function that looks keys up by a pattern and deletes what it found, with
 * nothing else to delete by name: the lookup is the delete of the pattern (CallFact.matchDelete).
 */
function markMatchDeletes(calls: CallFact[], fns: readonly FnFact[]): void {
  if (!calls.some((c) => FINDS_KEYS.test(c.method))) return;
  const byFn = new Map<number, CallFact[]>();
  for (const c of calls) {
    if (c.fn === 0) continue;
    const own = byFn.get(c.fn);
    if (own) own.push(c);
    else byFn.set(c.fn, [c]);
  }
  // Pattern: findCache(key) { return redis.keys(genKey(key) + '*') } — a function of this file that only finds keys
  const finders = new Set<string>();
  for (const [id, own] of byFn) {
    const f = fns[id - 1];
    const verbs = own.filter((c) => isCacheMethodName(c.method));
    if (f?.name && !f.className && verbs.length === 1 && FINDS_KEYS.test(verbs[0].method) && verbs[0].key) finders.add(f.name);
  }
  const findsKeys = (c: CallFact) => FINDS_KEYS.test(c.method) || (c.receiver.t === 'fn' && c.receiver.local !== undefined && !c.receiver.member && finders.has(c.receiver.local));
  for (const [id, own] of byFn) {
    const finds = own.filter((c) => findsKeys(c) && c.key);
    if (finds.length !== 1) continue;
    // the deletes may run in a callback of the function: `found.forEach((k) => pipeline.del(k))`
    const span = fns[id - 1]?.span;
    const dels = calls.filter((c) => /^(del|unlink)$/i.test(c.method) && (c.fn === id || (span && c.span.start >= span.start && c.span.end <= span.end)));
    if (dels.length > 0 && dels.every((d) => !d.key || d.key.parts.every((p) => 'hole' in p))) finds[0].matchDelete = true;
    // Pattern: delete(keyOrPattern, isPattern = false) { if (isPattern) { keys(keyOrPattern) → del(...found) } else del(keyOrPattern) }
    const params = new Set(fns[id - 1]?.params.map((p) => p.name));
    const bare = (c: CallFact) => (c.key?.parts.length === 1 && 'hole' in c.key.parts[0] && !c.key.parts[0].local ? c.key.parts[0].hole : undefined);
    const found = new Set(finds.map(bare).filter((h): h is string => !!h && params.has(h)));
    for (const d of dels) if (d.fn === id && found.has(bare(d) ?? '')) d.expands = true;
  }
}

/** Post-walk: DB writes preceding each call in the same flow; what a read falls back to; wrapper methods. */
export function finishCacheCalls(ctx: FileCtx): void {
  const { calls, dbWrites } = ctx.facts;
  markMatchDeletes(calls, ctx.facts.fns);
  // calls of cache verbs: reading the cache again on a miss loads nothing (`findUnique` on a project
  // value is recorded too, in case it wraps a client, but is no cache call for this purpose)
  const cacheCalls = new Set<ts.Node>(ctx.callNodes.filter((_n, i) => isCacheMethodName(calls[i].method)));
  let ownMethodCalls: number[] | undefined;
  for (let i = 0; i < calls.length; i++) {
    const node = ctx.callNodes[i];
    // a write outside the function the call's flow runs in (its outermost enclosing function)
    // cannot precede it; one after the call cannot either
    const flow = flowSpan(ctx, calls[i].fn);
    for (let j = 0; j < dbWrites.length; j++) {
      const w = dbWrites[j].span;
      if (w.start > calls[i].span.end) break;
      if (w.start < flow.start) continue;
      if (!precedesInFlow(ctx.dbWriteNodes[j], node)) continue;
      calls[i].afterWrites.push(j);
      // Pattern: await Promise.all([prisma.link.update(…), redis.set(k, v)])
      if (runsAlongside(ctx.dbWriteNodes[j], node)) (calls[i].alongside ??= []).push(j);
    }
    // what precedes a read does not matter to any rule: only writes and deletes race with writes
    if (!READ_LIKE.test(calls[i].method)) {
      const before = earlierProjectCalls(ctx, i);
      if (before.length > 0) {
        calls[i].afterCalls = before;
        const together = before.filter((j) => runsAlongside(ctx.callNodes[j], node));
        if (together.length > 0) calls[i].alongsideCalls = together;
      }
      // Pattern: await this.cache.del(k); await this.users.update(id, dto) — an invalidation too early
      relateLater(ctx, i, flow);
    }
    // a statement of its own throws its result away: only a used result of a read can fall back on a miss
    if (READ_LIKE.test(calls[i].method) && (!calls[i].stmt || node.arguments.some((a) => ts.isArrowFunction(unwrap(a)) || ts.isFunctionExpression(unwrap(a))))) {
      const fb = missFallback(node, ctx, cacheCalls);
      if (fb) calls[i].fallback = fb;
      const optIn = optInGuardOf(node, enclosingFunction(node), ctx);
      if (optIn) calls[i].optIn = optIn;
    }
    if (emptiesKey(calls, i, node)) calls[i].emptying = true;
    if (recordWrapper(calls[i], node, ctx) === 'own-method') (ownMethodCalls ??= []).push(i);
  }
  if (ownMethodCalls) recordOwnWrapperCalls(ownMethodCalls, ctx);
  // a method going through the instance's own cache methods wraps the client as they do, when the
  // class keys its entries by its constructor (`singlecache:${this.name}`): its methods take no key
  if (ctx.selfWrappers) {
    const ctorKeyed = new Set(ctx.facts.wrappers.filter((w) => holdsInstanceArg(calls[w.callId].key?.parts)).map((w) => w.className));
    for (const w of ctx.selfWrappers) if (ctorKeyed.has(w.className)) ctx.facts.wrappers.push(w);
  }
}

/**
 * Pattern: export const clearOrgs = () => redis.set('core_organizations', '') — an empty value
 * written where the key is not read: the invalidation itself. A not-found marker is written where
 * the key was just read and missed (the same function reads it).
 */
function emptiesKey(calls: readonly CallFact[], i: number, node: ts.CallExpression): boolean {
  const value = node.arguments[1] && unwrap(node.arguments[1]);
  const empty = !!value && (value.kind === ts.SyntaxKind.NullKeyword || ((ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && value.text === ''));
  const key = calls[i].key?.text;
  return empty && !!key && !calls.some((c) => c.fn === calls[i].fn && c.key?.text === key && READ_LIKE.test(c.method));
}

/** The span of the outermost function around function `fn` (the module for top-level code). */
function flowSpan(ctx: FileCtx, fn: number): { start: number; end: number } {
  if (fn === 0) return { start: 0, end: Infinity };
  let memo = flowSpans.get(ctx.facts);
  if (!memo) flowSpans.set(ctx.facts, (memo = new Map()));
  let best = memo.get(fn);
  if (!best) {
    best = ctx.facts.fns[fn - 1].span;
    for (const f of ctx.facts.fns) if (f.span.start <= best.start && f.span.end >= best.end) best = f.span;
    memo.set(fn, best);
  }
  return best;
}

const flowSpans = treeMemo<object, Map<number, { start: number; end: number }>>();

/** Predecessors kept, and looked at, per call: a write is seldom more than a few calls before the cache call. */
const MAX_AFTER_CALLS = 16;
const MAX_EXAMINED = 12;

/**
 * The recorded calls of project functions (not cache verbs) before call `i` in its flow: in its
 * own function or in an inline callback of it, most recent first, at most MAX_AFTER_CALLS.
 */
function earlierProjectCalls(ctx: FileCtx, i: number): number[] {
  const { calls, fns } = ctx.facts;
  const c = calls[i];
  const outer = c.fn === 0 ? undefined : flowSpan(ctx, c.fn);
  const out: number[] = [];
  let examined = 0;
  for (let j = i - 1; j >= 0 && out.length < MAX_AFTER_CALLS && examined < MAX_EXAMINED; j--) {
    const d = calls[j];
    // calls are recorded in source order: one that starts before the flow's function is done with
    if (outer && d.span.start < outer.start) break;
    if (d.span.end > c.span.start || d.receiver.t === 'lib' || d.receiver.t === 'unknown') continue;
    examined++;
    if (d.fn !== c.fn) {
      // the earlier call sits in a callback of this function (`$transaction(async (tx) => …)`), or elsewhere
      const inner = d.fn === 0 ? undefined : fns[d.fn - 1].span;
      if (!outer || !inner || inner.start < outer.start || inner.end > outer.end) continue;
    }
    if (precedesInFlow(ctx.callNodes[j], ctx.callNodes[i])) out.push(j);
  }
  return out;
}

/**
 * A method or function whose cache call takes its key, value or TTL from the function's own
 * parameters is a wrapper (or a key-building helper): `set(key, value, ttl = 3600) { … }`,
 * `put(id, v) { return this.redis.set(this.key(id), v) }`. The linker summarises it and reads
 * its callers' calls as cache ops (model/wrapper-summaries.ts).
 */
function recordWrapper(call: CallFact, node: ts.CallExpression, ctx: FileCtx, viaOwnWrapper = false): 'own-method' | undefined {
  if (call.receiver.t === 'unknown' || call.fn === 0) return;
  // a client call, or a cache verb on a value that may wrap one (`this.get(key)` in a wrapper):
  // not any method of a project value (`this.findOne(id)` does not make `update(id)` a wrapper),
  // unless that method is a wrapper itself (decided once the file is walked: recordOwnWrapperCalls)
  if (call.receiver.t !== 'lib' && !viaOwnWrapper && !isCacheMethodName(call.method) && !inheritedHelper(call, node, ctx) && !onCacheService(node, ctx.facts.fns[call.fn - 1]?.name) && !inCacheModule(call, ctx))
    return (call.receiver.t === 'class' && onThis(node)) || (call.receiver.t === 'fn' && call.receiver.local !== undefined && isCacheModule(ctx)) ? 'own-method' : undefined;
  // a member of an imported type (`tree.nodeMap.get(id)`) or a function's result is rarely a client:
  // as wrappers they would make every file naming the function look like cache code
  const r = call.receiver;
  if ((r.t === 'member' && !('local' in r.of) && !throughCacheServiceMember(call, node, ctx)) || (r.t === 'import' && r.called && !throughOwnGetter(node) && !CLIENT_GETTER.test(r.ref.name))) return;
  // (a callback a pool lends its client to runs as part of the function around it: call.fn is that function's)
  let fn = lendingOwner(node) ?? enclosingFunction(node);
  if (!fn) return;
  let info = ctx.facts.fns[call.fn - 1];
  // the key is the instance's: `singlecache:${this.name}` with `name` a constructor parameter
  const ctorKey = holdsInstanceArg(call.key?.parts);
  // Pattern: function cached(prefix, ttl, load) { return async (id) => { …redis.get(`${prefix}:${id}`)… } }
  const made = madeBy(fn);
  if (made) {
    if (dependsOnParams(call, info) || ctorKey)
      ctx.facts.wrappers.push({ className: madeOwner(made.makerName), method: made.member, callId: call.id });
    return;
  }
  if (!info.name) {
    // Pattern: mset(links) { links.forEach((link) => pipeline.set(this.key(link), …)) } — a bulk
    // method: the callback's element stands for each item of the method's parameter
    const outer = bulkMethodOf(fn, info, call, ctx);
    if (!outer) return;
    fn = outer.fn;
    info = outer.info;
  } else if (!dependsOnParams(call, info, isCacheModule(ctx) || CACHE_HELPER_NAME.test(info.name)) && !ctorKey) {
    // Pattern: refresh() { const v = await this.fetcher(); await this.set(v) } — decided once the file is walked
    const owner = info.name && onThis(node) ? ownerOf(fn, info) : undefined;
    if (owner) (ctx.selfWrappers ??= []).push({ className: owner, method: info.name!, callId: call.id });
    return;
  }
  if (!info.name) return;
  const owner = ownerOf(fn, info);
  if (owner === undefined) return;
  ctx.facts.wrappers.push({ className: owner, method: info.name, callId: call.id });
  return undefined;
}

/**
 * Pattern: get(key) { const full = this.getKey(key); return this.executeGet(key, full) } with
 * `executeGet(key, full)` reading the client: a method calling a wrapper method of its own class
 * (on `this`) with its parameters is a wrapper too, and so, in a module of the cache (CACHE_MODULE),
 * is a function calling a wrapper function of its module. Rounds to a fixed point (chains of helpers).
 */
function recordOwnWrapperCalls(pending: number[], ctx: FileCtx): void {
  const { calls, wrappers } = ctx.facts;
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    const next: number[] = [];
    for (const i of pending) {
      const r = calls[i].receiver;
      if (r.t === 'class' && wrappers.some((w) => w.className === r.name && w.method === calls[i].method)) recordWrapper(calls[i], ctx.callNodes[i], ctx, true);
      // Pattern: setJson(key, value, expireAt) { return setValue(key, JSON.stringify(value), expireAt) } — a function of the module
      else if (r.t === 'fn' && r.local !== undefined && wrappers.some((w) => w.className === '' && w.method === r.local)) recordWrapper(calls[i], ctx.callNodes[i], ctx, true);
      else next.push(i);
    }
    if (next.length === pending.length) return;
    pending = next;
  }
}

/** A method named for what it does to the cache: `setCacheObject`, `getDictCache`, `deleteCacheEntry`. */
const CACHE_VERB_NAME = /^(get|set|put|del|delete|remove|clear|evict)[A-Z]?\w*Cache\w*$/;

/**
 * Pattern: class DictCacheService { get(type) { return this.redisService.getDictCache(type) } } — a
 * cache class of the project calling an entry method of a service named for the cache
 * (`getDictCache`, `removeUserCache`): it may wrap the client (the linker summarises it, and makes
 * no op of it when it does not). Any other class calling one (a use case invalidating, then
 * writing) is where its findings belong, and other methods of the service (`delQuery`,
 * `cacheEnabled`) are no entries of a key the class names. `fnName` is the calling method's.
 */
function onCacheService(node: ts.CallExpression, fnName: string | undefined): boolean {
  const owner = enclosingClass(node)?.name?.text;
  if (!owner) return false;
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !CACHE_MEMBER.test(callee.name.text)) return false;
  // Pattern: class DictUtils { setDictCache(k, v) { this.redisCacheService.setCacheObject(this.key(k), v) } }
  // — a method named for the cache, in a class of any name, calling a cache service's method named
  // for the cache (`setCacheObject`); a service's `findOpenInvitation()` that asks the cache first is no wrapper
  if (!CACHE_MEMBER.test(owner) && !(CACHE_VERB_NAME.test(callee.name.text) && /cache/i.test(fnName ?? ''))) return false;
  const recv = unwrap(callee.expression);
  const name = ts.isPropertyAccessExpression(recv) ? recv.name.text : ts.isIdentifier(recv) ? recv.text : undefined;
  return !!name && CACHE_MEMBER.test(name);
}

/**
 * A module named for the cache, or in a folder named for it: `cache/query.ts`,
 * `cache/repository/BlogCache.ts`, `redis-helpers.ts`, `userCache.js`, `timed-cache.ts`,
 * `user-cache.service.ts`.
 */
const CACHE_MODULE = /(?:^|[/\\])[\w.-]*(?:cache|redis)[\w.-]*\.[cm]?[jt]sx?$|[/\\](?:cache|caches|caching|redis)[/\\]/i;

/**
 * Pattern: class CacheService { get(key) { return this.redisService.client.get(key) } } — a cache
 * verb on a member of a service the class holds, in a class named for the cache (or a module of
 * it): the service's member is the client the linker looks up (a RedisService exposing `client`).
 */
function throughCacheServiceMember(call: CallFact, node: ts.CallExpression, ctx: FileCtx): boolean {
  if (!isCacheMethodName(call.method)) return false;
  const owner = enclosingClass(node)?.name?.text;
  if (!owner || !(CACHE_MEMBER.test(owner) || isCacheModule(ctx))) return false;
  let e: ts.Expression = unwrap(node.expression);
  while (ts.isPropertyAccessExpression(e)) e = unwrap(e.expression);
  return e.kind === ts.SyntaxKind.ThisKeyword;
}

/**
 * Pattern: BlogCache.ts: fetchById(id) { return getJson(getKeyForId(id)) } with getJson imported
 * from the project's cache helpers — in a module named for the cache, a function handing its
 * parameters to an imported project function may wrap a client through it (the linker summarises
 * it, and makes no op of it when that function reaches no cache).
 */
function inCacheModule(call: CallFact, ctx: FileCtx): boolean {
  return call.receiver.t === 'fn' && call.receiver.ref !== undefined && isCacheModule(ctx);
}

/** Whether this file is a module of the cache (CACHE_MODULE), asked once per file. */
function isCacheModule(ctx: FileCtx): boolean {
  return (ctx.cacheModule ??= CACHE_MODULE.test(ctx.file));
}

/**
 * A cache verb of the instance itself (`refresh() { const v = await this.fetcher(); await this.set(v) }`):
 * a method of a class keyed by its constructor goes through the class's own wrapper methods.
 */
function onThis(node: ts.CallExpression): boolean {
  const callee = unwrap(node.expression);
  return ts.isPropertyAccessExpression(callee) && unwrap(callee.expression).kind === ts.SyntaxKind.ThisKeyword;
}

/** `this.redis.get(k)` with `private get redis() { return getSharedRedisClient(); }` in the class: its client, not any function's result. */
/**
 * Names of imported functions that hand out the project's client: `const redis = await
 * getRedisInstance()`, `getRedis()`, `redisClient()`, `getCacheClient()` (the linker checks that it
 * returns one: a wrapper over anything else makes no op).
 */
const CLIENT_GETTER = /^(?:get|create|use|connect)?_?(?:redis|valkey|cache|kv|keyv|upstash)(?:_?(?:client|instance|connection|conn|pool|store))?$/i;

function throughOwnGetter(node: ts.CallExpression): boolean {
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const recv = unwrap(callee.expression);
  if (!ts.isPropertyAccessExpression(recv) || unwrap(recv.expression).kind !== ts.SyntaxKind.ThisKeyword) return false;
  const cls = enclosingClass(node);
  return !!cls && !!ownGetter(cls, recv.name.text);
}

/**
 * Pattern: class UserCache extends BaseCache { read(id) { return this.readJson(`user:${id}`) } } — a
 * method the class inherits from a project base class may wrap a client (the linker looks it up
 * there); a method of its own, or of a library's base (`Repository<User>`), does not make a wrapper.
 */
function inheritedHelper(call: CallFact, node: ts.CallExpression, ctx: FileCtx): boolean {
  if (call.receiver.t !== 'class') return false;
  const cls = enclosingClass(node);
  const ext = extendsClause(cls)?.expression;
  if (!cls || !ext || !ts.isIdentifier(ext)) return false;
  if (cls.members.some((m) => propertyNameText(m.name) === call.method)) return false;
  const d = declarationOf(ext, ctx.facts.imports);
  return d?.t === 'class' || (d?.t === 'import' && isProjectModule(d.imp.module, ctx));
}

const EACH_METHODS = new Set(['forEach', 'map', 'flatMap']);

/**
 * Pattern: getRedisObject = (key) => ioRedisPool.execute((client) => client.get(key)) — a callback a
 * pool lends its client to runs as part of the function around it: that function's parameters
 * are the call's, and its calls are that function's.
 */
function lendingOwner(call: ts.CallExpression): FunctionLike | undefined {
  const cb = enclosingFunction(call);
  const outer = cb && (lenderOf(cb) || promiseExecutor(cb)) ? enclosingFunction(cb) : undefined;
  return outer?.body ? outer : undefined;
}

/**
 * Pattern: getCache(key) { return new Promise((resolve) => this.client.get(key, (e, v) => resolve(v))) }
 * — the executor of a promise runs at once, as part of the function that makes it (node-redis 3's
 * callbacks wrapped by hand).
 */
function promiseExecutor(cb: ts.Node): boolean {
  const made = (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) && takenFirstBy(cb);
  return !!made && ts.isNewExpression(made) && ts.isIdentifier(made.expression) && made.expression.text === 'Promise';
}

/**
 * The named method around an element callback (`items.forEach((item) => …)`, `.map`, `.flatMap`)
 * over one of its parameters, when the cache call depends on the element only (the summary then
 * reads the element as the callback's first parameter: its key holes stay holes at the callers).
 */
function bulkMethodOf(cb: ts.Node, cbInfo: FnFact, call: CallFact, ctx: FileCtx): { fn: FunctionLike; info: FnFact } | undefined {
  if (!(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) || !cb.parent || !ts.isCallExpression(cb.parent)) return undefined;
  const iter = cb.parent;
  if (iter.arguments[0] !== cb || !ts.isPropertyAccessExpression(iter.expression) || !EACH_METHODS.has(iter.expression.name.text)) return undefined;
  const list = unwrap(iter.expression.expression);
  if (!ts.isIdentifier(list)) return undefined;
  const d = declarationOf(list, ctx.facts.imports);
  if (d?.t !== 'param') return undefined;
  const outer = d.fn;
  if (!isFunctionLike(outer) || !outer.body) return undefined;
  // only the element (the callback's first parameter) may reach the call, not the index or the array
  const elem = cbInfo.params[0];
  if (!elem || !dependsOnParams(call, { ...cbInfo, params: [elem] }) || cbInfo.params.slice(1).some((p) => p.name && dependsOnParams(call, { ...cbInfo, params: [p] })))
    return undefined;
  const id = ctx.fnIdOf(outer.body);
  const info = id > 0 ? ctx.facts.fns[id - 1] : undefined;
  return info?.name ? { fn: outer, info } : undefined;
}

/** The key has a hole bound to a parameter, or an argument is a parameter (value, TTL). */
/**
 * A method named for what it does to the cache (`deleteCacheById(id, org)`, `invalidateUserCache(id)`,
 * `evictAccount(id)`): a helper whose callers choose the key, wherever it is declared.
 */
const CACHE_HELPER_NAME = /cache|evict|invalidat/i;

function dependsOnParams(call: CallFact, fn: FnFact, viaBuilders = false): boolean {
  if (call.args.some((a) => a.param !== undefined)) return true;
  const names = new Set(fn.params.flatMap((p) => [...(p.name ? [p.name] : []), ...(p.bindings ?? [])]));
  const named = (text: string) => names.has(/^[\w$]+/.exec(text)?.[0] ?? '');
  // Pattern: getJson(getKeyForId(blogId)) in BlogCache.ts, the builder imported: the parameter is the
  // builder's argument (in a module named for the cache only: elsewhere such a function is a service
  // method whose findings belong where it is)
  return !!call.key?.parts.some((p) => ('hole' in p && named(p.hole)) || (viaBuilders && 'ref' in p && !!p.args?.some(named)));
}

/**
 * Who callers reach the function through: its class (methods and arrow-function fields), the
 * object literal it is a member of (`const cache = { set: … }`, `module.exports = { … }`,
 * `export default { … }`), or '' for a named top-level function. Undefined: not reachable by name.
 */
function ownerOf(fn: ts.Node, info: FnFact): string | undefined {
  if (info.className && (ts.isMethodDeclaration(fn) || (fn.parent && ts.isPropertyDeclaration(fn.parent)))) return info.className;
  if (ts.isFunctionDeclaration(fn)) return fn.parent && ts.isSourceFile(fn.parent) ? '' : undefined;
  if (fn.parent && ts.isVariableDeclaration(fn.parent)) return isTopLevelDeclaration(fn.parent) ? '' : undefined;
  // Pattern: exports.get = async function (key) { … } / module.exports.set = (k, v, ttl) => … — a function of the module
  if (fn.parent && ts.isBinaryExpression(fn.parent) && fn.parent.right === fn && ts.isExpressionStatement(fn.parent.parent) && ts.isSourceFile(fn.parent.parent.parent))
    return /^(module\.)?exports\.\w+$/.test(fn.parent.left.getText()) ? '' : undefined;
  const obj = ts.isMethodDeclaration(fn) ? fn.parent : fn.parent && ts.isPropertyAssignment(fn.parent) ? fn.parent.parent : undefined;
  return obj && ts.isObjectLiteralExpression(obj) ? objectOwnerName(obj) : undefined;
}

function isTopLevelDeclaration(d: ts.VariableDeclaration): boolean {
  return !!d.parent?.parent?.parent && ts.isSourceFile(d.parent.parent.parent);
}

/**
 * The name an exported/top-level object literal is reached by (WrapperMethod.className); a nested
 * one's is its path (`REDIS.cache` for `export const REDIS = { cache: { save: … } }`).
 */
export function objectOwnerName(obj: ts.ObjectLiteralExpression, depth = 0): string | undefined {
  let p: ts.Node = obj;
  while (p.parent && (ts.isParenthesizedExpression(p.parent) || ts.isAsExpression(p.parent) || ts.isSatisfiesExpression(p.parent))) p = p.parent;
  const holder = p.parent;
  if (!holder) return undefined;
  if (ts.isPropertyAssignment(holder) && (ts.isIdentifier(holder.name) || ts.isStringLiteral(holder.name)) && ts.isObjectLiteralExpression(holder.parent) && depth < 3) {
    const outer = objectOwnerName(holder.parent, depth + 1);
    return outer === undefined || outer.startsWith('<') ? undefined : `${outer}.${holder.name.text}`;
  }
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && isTopLevelDeclaration(holder)) return holder.name.text;
  if (ts.isExportAssignment(holder)) return '<default>';
  if (ts.isBinaryExpression(holder) && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken && /^(module\.)?exports$/.test(holder.left.getText())) return '<exports>';
  return undefined;
}

/** Pattern: try { v = await rpc(); } catch { return redis.get(k) } — the call runs only when the `try` failed. */
function inCatchClause(call: ts.Node): boolean {
  for (let p = call.parent; p && !isFunctionLike(p); p = p.parent) if (p.kind === ts.SyntaxKind.CatchClause) return true;
  return false;
}

/**
 * The source call the value is the result of as a whole: `serializeCtx(ctx)` or
 * `JSON.stringify(toView(row))` (the first call valueSource records is the outermost callee's).
 */
function wholeResultOf(a: ts.Expression, calls: readonly SourceCall[]): SourceCall | undefined {
  let e = unwrap(a);
  if (ts.isCallExpression(e) && e.arguments.length >= 1 && isJsonStringify(e.expression)) e = unwrap(e.arguments[0]);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return undefined;
  const first = calls[0];
  const name = e.expression.text;
  return first && (('local' in first && first.local === name) || ('ref' in first && !first.ref.member)) ? first : undefined;
}

/**
 * The fields a written value holds, when they are known: the properties of an object literal
 * (`JSON.stringify({ id: c.id, name: c.name })`), and the names the SQL reads it is built from select
 * (`SELECT id, name, metadata ->> 'image' AS image FROM …`). Undefined when either could hold anything.
 */
function heldFields(a: ts.Expression, selected: ReadonlySet<string> | undefined, ctx: FileCtx): string[] | undefined {
  let e = unwrap(a);
  if (ts.isCallExpression(e) && e.arguments.length >= 1 && isJsonStringify(e.expression)) e = unwrap(e.arguments[0]);
  // Pattern: cache.set(`user_roles:${id}`, user.role) — one field of the row just read
  const field = rowFieldOf(e, ctx);
  if (field) return [field];
  const out = new Set<string>(selected);
  // Pattern: const value = { segmentId: row.segmentId, integrationId: row.integrationId }; cache.set(k, JSON.stringify(value))
  // (each property a field of a row: `{ posts: rows.map(…), nextCursor }` wraps rows whose fields are not named)
  const literal = ts.isIdentifier(e) ? constObjectLiteral(e, ctx) : undefined;
  const fieldsOnly = (o: ts.ObjectLiteralExpression) => o.properties.every((p) => ts.isPropertyAssignment(p) && ts.isPropertyAccessExpression(unwrap(p.initializer)));
  if (literal && fieldsOnly(literal)) e = literal;
  if (ts.isObjectLiteralExpression(e)) {
    const names = plainPropNames(e);
    if (!names) return undefined;
    // ids picked off a row (`{ segmentId: row.segment_id, integrationId: row.id }`) are all the value
    // holds, whatever else the query selects (other picks may be computed from the selected columns)
    if (names.length > 0 && fieldsOnly(e) && e.properties.every((p) => isIdName((p.name && propertyNameText(p.name)) ?? ''))) return [...names].sort();
    for (const n of names) out.add(n);
  } else if (!selected) return undefined;
  // a count's value holds no field at all (`SELECT count(*)`, `countDocuments(q)`): known, and empty
  return out.size > 0 ? [...out].sort() : selected ? [] : undefined;
}


/**
 * Where the `throw` ending the call's block starts, when the call is a statement of that block:
 * nothing after the block runs once the call returns (`await this.wallets.lock(id); throw …`).
 */
function throwAfter(call: ts.CallExpression): number | undefined {
  let n: ts.Node = call;
  while (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const stmt = n.parent;
  if (!ts.isExpressionStatement(stmt) || !ts.isBlock(stmt.parent)) return undefined;
  const last = stmt.parent.statements[stmt.parent.statements.length - 1];
  return ts.isThrowStatement(last) ? last.getStart() : undefined;
}
