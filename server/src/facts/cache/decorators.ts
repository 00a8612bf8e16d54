// Cache decorators defined in the project: a factory whose decorator replaces the method with a
// function making cache calls around the original (`@Cacheable('user:{id}', 600)`, `@CacheEvict`).
// Here, in the factory's own file: which calls that function makes, how each builds its key from
// the factory's parameters (a prefix given as is, a key template filled from the decorated
// method's arguments), which parameter carries the TTL, and whether each call runs before or
// after the original method. Decorations elsewhere become ops of the decorated method when the
// project is linked (decorator-uses.ts records them, model/decorated-ops.ts reads them).
import { configuredLib } from '../../config';
import { ts } from 'ts-morph';
import type { VisitorMap } from '../../syntax/walk';
import type { FileCtx } from '../context';
import { precedesInFlow } from '../flow/order';
import { declarationOf, enclosingFunction, isFunctionLike, unwrap, type FunctionLike } from '../../syntax/scope';
import { fromType } from './clients';
import { isProjectModule } from '../db/common';
import { CLIENT_MODULES } from './client-modules';
import type { CacheDecoratorDef, ClientRef, DecoratorCall, DecoratorKeyPiece } from '../types';
import { mergeLits } from '../keys/shapes';

/** The function replacing a method (`descriptor.value = async function (...args) {…}`) and where it sits. */
interface Impl {
  /** `(target, key, descriptor) => {…}`, returned by the factory */
  decorator: FunctionLike;
  factory: FunctionLike;
  def: CacheDecoratorDef;
}

export interface DecoratorState {
  impls: Map<FunctionLike, Impl>;
  /** `const original = descriptor.value` declarations */
  originals: Set<ts.Node>;
  /** calls of the original method (`original.apply(this, args)`), per wrapper function */
  originalCalls: Map<FunctionLike, ts.CallExpression[]>;
}

export function createDecoratorState(): DecoratorState {
  return { impls: new Map(), originals: new Set(), originalCalls: new Map() };
}

function span(n: ts.Node) {
  return { start: n.getStart(), end: n.end };
}

/** `descriptor.value` with `descriptor` the third parameter of the enclosing (decorator) function. */
function descriptorValue(e: ts.Expression): FunctionLike | undefined {
  const u = unwrap(e);
  if (!ts.isPropertyAccessExpression(u) || u.name.text !== 'value' || !ts.isIdentifier(u.expression)) return undefined;
  const name = u.expression.text;
  for (let f = enclosingFunction(u); f; f = enclosingFunction(f)) {
    const p = f.parameters[2];
    if (p && ts.isIdentifier(p.name) && p.name.text === name && f.parameters.length <= 3) return f;
    if (f.parameters.some((q) => ts.isIdentifier(q.name) && q.name.text === name)) return undefined;
  }
  return undefined;
}

/** The factory a decorator function is returned by, with the name callers import it by. */
function factoryOf(decorator: FunctionLike): { fn: FunctionLike; name: string; nameNode: ts.Node; top: ts.Node } | undefined {
  let f: ts.Node | undefined;
  // Pattern: function Cacheable(…) { return function (target, key, descriptor) {…} }
  if (decorator.parent && ts.isReturnStatement(decorator.parent)) f = enclosingFunction(decorator.parent);
  // Pattern: const Cacheable = (…) => (target, key, descriptor) => {…}
  else if (decorator.parent && ts.isArrowFunction(decorator.parent) && decorator.parent.body === decorator) f = decorator.parent;
  if (!f || !isFunctionLike(f)) return undefined;
  if (ts.isFunctionDeclaration(f) && f.name && f.parent && ts.isSourceFile(f.parent)) return { fn: f, name: f.name.text, nameNode: f.name, top: f };
  const v = f.parent;
  if (v && ts.isVariableDeclaration(v) && ts.isIdentifier(v.name) && v.parent?.parent && ts.isVariableStatement(v.parent.parent) && ts.isSourceFile(v.parent.parent.parent))
    return { fn: f, name: v.name.text, nameNode: v.name, top: v.parent.parent };
  return undefined;
}

function isExported(n: ts.Node): { named: boolean; asDefault: boolean } {
  const flags = ts.getCombinedModifierFlags(n as ts.Declaration);
  return { named: (flags & ts.ModifierFlags.Export) !== 0, asDefault: (flags & ts.ModifierFlags.Default) !== 0 };
}

/** Pattern: descriptor.value = async function (...args) { … } — a method-replacing decorator of a factory. */
function onAssignment(b: ts.BinaryExpression, ctx: FileCtx, st: DecoratorState): void {
  if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const impl = unwrap(b.right);
  if (!ts.isFunctionExpression(impl) && !ts.isArrowFunction(impl)) return;
  const decorator = descriptorValue(b.left);
  const factory = decorator && factoryOf(decorator);
  if (!decorator || !factory) return;
  const factoryId = ctx.fnIdOf(factory.fn.body ?? factory.fn);
  const def: CacheDecoratorDef = { name: factory.name, params: ctx.facts.fns[factoryId - 1].params, fn: ctx.fnIdOf(impl.body), calls: [], span: span(factory.nameNode) };
  st.impls.set(impl, { decorator, factory: factory.fn, def });
  (ctx.facts.decorators ??= []).push(def);
  // other files import it by name: `export function Cacheable`, `export const …`, `export { Cacheable }`
  const value = { t: 'decorator' as const, name: factory.name };
  ctx.facts.locals[factory.name] = value;
  const exp = isExported(factory.top);
  if (exp.named) ctx.facts.exports[exp.asDefault ? 'default' : factory.name] = value;
}

/** Pattern: const originMethod = descriptor.value — the original method, called from the wrapper. */
function onVariable(d: ts.VariableDeclaration, st: DecoratorState): void {
  if (d.initializer && ts.isIdentifier(d.name) && descriptorValue(d.initializer)) st.originals.add(d);
}

/** Pattern: originMethod.apply(this, args) / .call(this, …) / originMethod(...args) */
function onCall(call: ts.CallExpression, ctx: FileCtx, st: DecoratorState): void {
  if (st.originals.size === 0) return;
  let callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee) && /^(apply|call)$/.test(callee.name.text)) callee = unwrap(callee.expression);
  if (!ts.isIdentifier(callee)) return;
  const d = declarationOf(callee, ctx.facts.imports);
  if (d?.t !== 'var' || !st.originals.has(d.node)) return;
  const impl = implOf(call, st);
  if (!impl) return;
  const list = st.originalCalls.get(impl);
  if (list) list.push(call);
  else st.originalCalls.set(impl, [call]);
}

function implOf(n: ts.Node, st: DecoratorState): FunctionLike | undefined {
  if (st.impls.size === 0) return undefined;
  for (let f = enclosingFunction(n); f; f = enclosingFunction(f)) if (st.impls.has(f)) return f;
  return undefined;
}

/**
 * Receivers inside a wrapper function of this file's cache decorators that only the decorator
 * shows to be clients: `this.redis` injected by `const inject = Inject(RedisService); …
 * inject(target, 'redis')` (Nest), and `const cache = this.cache as CacheService`.
 */
export function implicitClient(e: ts.Expression, ctx: FileCtx): ClientRef | undefined {
  const st = ctx.decorators;
  if (!st) return undefined;
  const implFn = implOf(e, st);
  if (!implFn) return undefined;
  const u = unwrap(e);
  if (ts.isIdentifier(u)) {
    const d = declarationOf(u, ctx.facts.imports);
    const init = d?.t === 'var' ? d.node.initializer : undefined;
    if (init && (ts.isAsExpression(init) || ts.isTypeAssertionExpression(init))) return fromType(init.type, ctx);
    return undefined;
  }
  if (!ts.isPropertyAccessExpression(u) || unwrap(u.expression).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const impl = st.impls.get(implFn)!;
  for (const fn of [impl.decorator, impl.factory]) {
    const body = fn.body && ts.isBlock(fn.body) ? fn.body.statements : [];
    for (const s of body) {
      const c = ts.isExpressionStatement(s) ? unwrap(s.expression) : undefined;
      if (!c || !ts.isCallExpression(c) || c.arguments.length < 2) continue;
      const target = c.arguments[1];
      if (!ts.isStringLiteralLike(target) || target.text !== u.name.text) continue;
      const token = injectedToken(c.expression, ctx);
      if (token) return clientOfToken(token, ctx);
    }
  }
  return undefined;
}

/** `Inject(T)` (from @nestjs/common) called directly or through a local const: the token T. */
function injectedToken(e: ts.Expression, ctx: FileCtx): ts.Expression | undefined {
  let u = unwrap(e);
  if (ts.isIdentifier(u)) {
    const d = declarationOf(u, ctx.facts.imports);
    if (d?.t !== 'var' || !d.node.initializer) return undefined;
    u = unwrap(d.node.initializer);
  }
  if (!ts.isCallExpression(u) || !ts.isIdentifier(u.expression) || u.expression.text !== 'Inject') return undefined;
  const d = declarationOf(u.expression, ctx.facts.imports);
  return d?.t === 'import' && d.imp.module === '@nestjs/common' ? u.arguments[0] : undefined;
}

function clientOfToken(token: ts.Expression, ctx: FileCtx): ClientRef | undefined {
  const t = unwrap(token);
  if (!ts.isIdentifier(t)) return undefined;
  const d = declarationOf(t, ctx.facts.imports);
  if (d?.t === 'class') return { t: 'class', name: t.text };
  if (d?.t !== 'import') return undefined;
  const lib = configuredLib(ctx.config, ctx.file, d.imp.module) ?? CLIENT_MODULES[d.imp.module];
  if (t.text === 'CACHE_MANAGER' && /^@nestjs\/(cache-manager|common)$/.test(d.imp.module)) return { t: 'lib', lib: 'cache-manager', nest: true };
  if (lib) return { t: 'lib', lib };
  return isProjectModule(d.imp.module, ctx.config) ? { t: 'type', ref: { module: d.imp.module, name: d.imp.name } } : undefined;
}

export function decoratorVisitors(ctx: FileCtx, st: DecoratorState): VisitorMap {
  ctx.decorators = st;
  return {
    [ts.SyntaxKind.BinaryExpression]: [(n) => onAssignment(n as ts.BinaryExpression, ctx, st)],
    [ts.SyntaxKind.VariableDeclaration]: [(n) => onVariable(n as ts.VariableDeclaration, st)],
    [ts.SyntaxKind.CallExpression]: [(n) => onCall(n as ts.CallExpression, ctx, st)],
  };
}

/** After the walk: each wrapper's cache calls, with their keys, TTL parameters and order against the original. */
export function finishDecoratorDefs(ctx: FileCtx, st: DecoratorState): void {
  if (st.impls.size === 0) return;
  const { calls } = ctx.facts;
  for (let i = 0; i < calls.length; i++) {
    const node = ctx.callNodes[i];
    if (!node || calls[i].receiver.t === 'unknown' || calls[i].receiver.t === 'decorator') continue;
    const implFn = implOf(node, st);
    if (!implFn) continue;
    const { def, factory } = st.impls.get(implFn)!;
    const scope: Scope = { ctx, factory, impl: implFn };
    const first = node.arguments[0] && unwrap(node.arguments[0]);
    const keyArg = first && ts.isArrayLiteralExpression(first) ? first.elements[0] : first;
    const dc: DecoratorCall = {
      id: calls[i].id,
      argParams: node.arguments.map((a) => paramOfArg(a, scope, 0)),
      original: orderAgainst(node, st.originalCalls.get(implFn) ?? []),
    };
    const key = keyArg && !ts.isSpreadElement(keyArg) ? keyPieces(keyArg, scope, 0) : undefined;
    if (key) dc.key = key;
    const scoped = keyArg && !ts.isSpreadElement(keyArg) ? scopedKey(keyArg, scope, 0) : undefined;
    if (scoped) dc.scoped = scoped;
    def.calls.push(dc);
  }
}

/** `return await original.apply(this, args)`: nothing after it in its branch runs (`if (key === null) return …`). */
function returned(call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (n.parent && (ts.isAwaitExpression(n.parent) || ts.isParenthesizedExpression(n.parent))) n = n.parent;
  return !!n.parent && ts.isReturnStatement(n.parent);
}

function orderAgainst(call: ts.CallExpression, originals: readonly ts.CallExpression[]): DecoratorCall['original'] {
  if (originals.some((o) => !returned(o) && precedesInFlow(o, call))) return 'after';
  if (originals.some((o) => precedesInFlow(call, o))) return 'before';
  return 'unknown';
}

interface Scope {
  ctx: FileCtx;
  factory: FunctionLike;
  impl: FunctionLike;
}

const MAX_DEPTH = 6;

/** The factory parameter (and property) an expression stands for: `ttl`, `options.key`, `{ key }` destructured. */
function factoryParam(e: ts.Expression, sc: Scope): { param: number; prop?: string } | undefined {
  const u = unwrap(e);
  if (ts.isPropertyAccessExpression(u)) {
    const base = factoryParam(u.expression, sc);
    return base && base.prop === undefined ? { param: base.param, prop: u.name.text } : undefined;
  }
  if (!ts.isIdentifier(u)) return undefined;
  const ps = sc.factory.parameters;
  for (let i = 0; i < ps.length; i++) {
    const n = ps[i].name;
    if (ts.isIdentifier(n) && n.text === u.text) {
      const d = declarationOf(u, sc.ctx.facts.imports);
      return d?.t === 'param' && d.fn === sc.factory ? { param: i } : undefined;
    }
    // Pattern: function Cache({ key, ttl }: Options) — a destructured options object
    if (ts.isObjectBindingPattern(n))
      for (const el of n.elements)
        if (ts.isIdentifier(el.name) && el.name.text === u.text) return { param: i, prop: (el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text) };
  }
  return undefined;
}

/** A const declared inside the decorator's code: what it was initialised with. */
function localInit(id: ts.Identifier, sc: Scope): ts.Expression | undefined {
  const d = declarationOf(id, sc.ctx.facts.imports);
  if (d?.t !== 'var' || !d.node.initializer || !(d.node.parent.flags & ts.NodeFlags.Const)) return undefined;
  return d.node.pos >= sc.factory.pos && d.node.end <= sc.factory.end ? d.node.initializer : undefined;
}

/** The factory parameter a call argument passes on: `ttl`, `options.ttl`, `addJitter(ttl)`, `ttl ?? 3600` (fallback). */
function paramOfArg(a: ts.Expression, sc: Scope, depth: number): DecoratorCall['argParams'][number] {
  if (depth > MAX_DEPTH) return null;
  const e = unwrap(a);
  const direct = factoryParam(e, sc);
  if (direct) return direct;
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const left = paramOfArg(e.left, sc, depth + 1);
    return left ? { ...left, fallback: true } : null;
  }
  if (ts.isCallExpression(e) && e.arguments.length === 1) return paramOfArg(e.arguments[0], sc, depth + 1);
  if (ts.isIdentifier(e)) {
    const init = localInit(e, sc);
    return init ? paramOfArg(init, sc, depth + 1) : null;
  }
  return null;
}

/** Does `n` use the wrapper's arguments (`args`, `arguments`) or the original method (it formats a template)? */
function usesArguments(n: ts.Node, sc: Scope, depth = 0): boolean {
  // a key expression nested hundreds deep is no key template (and must not exhaust the stack)
  if (depth > 64) return false;
  if (ts.isIdentifier(n)) {
    if (n.text === 'arguments') return true;
    const d = declarationOf(n, sc.ctx.facts.imports);
    return (d?.t === 'param' && d.fn === sc.impl) || (d?.t === 'var' && !!d.node.initializer && !!descriptorValue(d.node.initializer));
  }
  return !!ts.forEachChild(n, (c) => (usesArguments(c, sc, depth + 1) ? true : undefined));
}

const STRING_METHODS = new Set(['replace', 'replaceAll', 'concat', 'split', 'trim', 'toLowerCase', 'toUpperCase']);

/** `template.replace`, `key.toLowerCase`: a string's own method, not a function the decoration gives. */
function isStringMethod(callee: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(callee) && STRING_METHODS.has(callee.name.text);
}

/** The factory parameter a call formats with the wrapper's arguments: `format(originMethod, CACHE_KEY, args)`. */
function templateCall(call: ts.CallExpression, sc: Scope): { param: number; prop?: string } | undefined {
  const callee = unwrap(call.expression);
  const params = [...call.arguments, ...(ts.isPropertyAccessExpression(callee) ? [callee.expression] : [])].map((a) => factoryParam(a, sc)).filter((p) => !!p);
  // a parameter that is itself called (`options.key(args)`, `builder(...args)`) is a function, not a
  // template; a string method of one (`template.replace(/\{(\w+)\}/g, …)`) formats it
  if (params.length !== 1 || (factoryParam(callee, sc) && !isStringMethod(callee))) return undefined;
  return usesArguments(call, sc) ? params[0] : undefined;
}

function holes(ps: DecoratorKeyPiece[]): number {
  return ps.filter((p) => 'hole' in p).length;
}

/**
 * Pattern: tenantId ? `${NAME}${tenantId}:${key}` : `${NAME}${key}` — `keyPieces` takes the branch
 * without the scope; this is the other one, the key whenever the scope (`tenantId`) is set: one
 * more hole, and that hole is the test's own value.
 */
function scopedKey(e0: ts.Expression, sc: Scope, depth: number): DecoratorCall['scoped'] {
  const e = unwrap(e0);
  if (depth > MAX_DEPTH) return undefined;
  if (ts.isIdentifier(e)) {
    const init = localInit(e, sc);
    return init ? scopedKey(init, sc, depth + 1) : undefined;
  }
  if (!ts.isConditionalExpression(e)) return undefined;
  const test = unwrap(e.condition);
  if (!ts.isIdentifier(test) && !ts.isPropertyAccessExpression(test)) return undefined;
  const scope = keyPieces(test, sc, depth + 1);
  if (scope.length !== 1 || !('hole' in scope[0])) return undefined;
  const value = scope[0].hole;
  const has = (ps: DecoratorKeyPiece[]) => ps.some((p) => 'hole' in p && p.hole === value);
  const a = keyPieces(e.whenTrue, sc, depth + 1);
  const b = keyPieces(e.whenFalse, sc, depth + 1);
  if (holes(a) !== holes(b) + 1 || !has(a) || has(b)) return undefined;
  return { key: a, by: test.getText(sc.ctx.sf) };
}

/** The key of a wrapper's cache call, as pieces a decoration fills in. */
function keyPieces(e0: ts.Expression, sc: Scope, depth: number): DecoratorKeyPiece[] {
  const e = unwrap(e0);
  const hole = (): DecoratorKeyPiece[] => [{ hole: e.getText(sc.ctx.sf) }];
  if (depth > MAX_DEPTH) return hole();
  if (ts.isStringLiteralLike(e)) return [{ lit: e.text }];
  if (ts.isTemplateExpression(e)) {
    const out: DecoratorKeyPiece[] = [{ lit: e.head.text }];
    for (const s of e.templateSpans) out.push(...keyPieces(s.expression, sc, depth + 1), { lit: s.literal.text });
    return mergeLits(out);
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return mergeLits([...keyPieces(e.left, sc, depth + 1), ...keyPieces(e.right, sc, depth + 1)]);
  // Pattern: tenantId ? `${NAME}${tenantId}:${key}` : `${NAME}${key}` — the branch with fewer runtime parts
  if (ts.isConditionalExpression(e)) {
    const a = keyPieces(e.whenTrue, sc, depth + 1);
    const b = keyPieces(e.whenFalse, sc, depth + 1);
    return holes(b) < holes(a) ? b : a;
  }
  const p = factoryParam(e, sc);
  if (p) return [p];
  if (ts.isCallExpression(e)) {
    // Pattern: const cacheKey = builder(...args) — a function the decoration gives builds the key
    // from the method's arguments: the key is what that function returns (decorator-uses.ts)
    const callee = unwrap(e.expression);
    const fnParam = isStringMethod(callee) ? undefined : factoryParam(callee, sc);
    if (fnParam && usesArguments(e, sc)) return [fnParam];
    // Pattern: const key = paramsKeyFormat(originMethod, CACHE_KEY, args)
    const t = templateCall(e, sc);
    return t ? [{ template: t.param, ...(t.prop !== undefined ? { prop: t.prop } : {}) }] : hole();
  }
  if (ts.isIdentifier(e)) {
    const init = localInit(e, sc);
    if (init) return keyPieces(init, sc, depth + 1);
  }
  return hole();
}


