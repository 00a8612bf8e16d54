// Functions that make closures, and the closures they make: a memoising factory
// `function cached(prefix, ttl, load) { return async (id) => … }`, one that attaches members
// (`const fn = async (id) => …; fn.clear = (id) => …; return fn`) or returns an object of them
// (`const makeCache = (name) => ({ get: (id) => …, del: (id) => … })`). Callers reach the closures
// through the instance the maker returned (`const getTeam = cached('team', 60, load); getTeam(id);
// getTeam.clear(id)`), and the maker's parameters are that instance's arguments, not the closure's.
import { ts } from 'ts-morph';
import { enclosingFunction, isFunctionLike, unwrap, type FunctionLike } from './scope';
import { treeMemo } from './tree-memo';
import { CALLABLE } from './made-names';

export { CALLABLE, madeOwner } from './made-names';


export interface Made {
  /** the top-level function that makes the closure */
  maker: FunctionLike;
  makerName: string;
  /** CALLABLE, or the member name the instance exposes it by (`clear`) */
  member: string;
}

/** A top-level function declaration or `const f = (…) => …`, with its name. */
function topLevelName(f: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(f)) return f.name && f.parent && ts.isSourceFile(f.parent) ? f.name.text : undefined;
  if (!(ts.isArrowFunction(f) || ts.isFunctionExpression(f))) return undefined;
  const p = skipWrappers(f);
  if (!p || !ts.isVariableDeclaration(p) || !ts.isIdentifier(p.name)) return undefined;
  const stmt = p.parent?.parent;
  return stmt && ts.isVariableStatement(stmt) && ts.isSourceFile(stmt.parent) ? p.name.text : undefined;
}

/** The expressions a function returns: its arrow body, or its `return` statements (nested functions left out). */
export function returnedOf(f: FunctionLike): ts.Expression[] {
  const body = f.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [unwrap(body)];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) out.push(unwrap(n.expression));
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

/** `Object.assign(fn, { clear })`: the function and the members it gets. */
function assigned(e: ts.Expression): { target: ts.Expression; members: ts.Expression[] } | undefined {
  if (!ts.isCallExpression(e) || e.arguments.length < 2 || !ts.isPropertyAccessExpression(e.expression)) return undefined;
  const o = e.expression;
  if (o.name.text !== 'assign' || !ts.isIdentifier(o.expression) || o.expression.text !== 'Object') return undefined;
  return { target: unwrap(e.arguments[0]), members: e.arguments.slice(1).map(unwrap) };
}

const localsMemo = treeMemo<ts.Node, Set<string>>();

/** The functions a maker's body declares by name: `const fn = async (id) => …`, `function fn() {}`. */
function localFunctionNames(maker: FunctionLike): Set<string> {
  const hit = localsMemo.get(maker);
  if (hit) return hit;
  const out = new Set<string>();
  localsMemo.set(maker, out);
  const body = maker.body;
  if (!body || !ts.isBlock(body)) return out;
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n)) {
      if (n.name) out.add(n.name.text);
      return;
    }
    if (isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && isFunctionLike(unwrap(n.initializer))) out.add(n.name.text);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

/** What `maker` returns: closures (or the names of local ones), and object literals of them. */
interface Returns {
  callables: Set<ts.Node>;
  objects: Set<ts.Node>;
}

const returnsMemo = treeMemo<ts.Node, Returns | null>();

function returnsOf(maker: FunctionLike): Returns | undefined {
  const hit = returnsMemo.get(maker);
  if (hit !== undefined) return hit ?? undefined;
  const r: Returns = { callables: new Set(), objects: new Set() };
  let locals: Set<string> | undefined;
  for (const e of returnedOf(maker)) {
    const a = assigned(e);
    const fnPart = a ? a.target : e;
    if (isFunctionLike(fnPart)) r.callables.add(fnPart);
    else if (ts.isIdentifier(fnPart)) {
      if ((locals ??= localFunctionNames(maker)).has(fnPart.text)) r.callables.add(fnPart);
    } else if (ts.isObjectLiteralExpression(fnPart) && hasFunctionMember(fnPart, () => (locals ??= localFunctionNames(maker)))) r.objects.add(fnPart);
    for (const m of a?.members ?? []) if (ts.isObjectLiteralExpression(m) && hasFunctionMember(m, () => (locals ??= localFunctionNames(maker)))) r.objects.add(m);
  }
  // a decorator factory returns `(target, key, descriptor) => …`: facts/cache/decorators.ts reads those
  const decorator = [...r.callables].some((c) => isFunctionLike(c) && (c.parameters.length === 3 || c.parameters.some((x) => ts.isIdentifier(x.name) && /descriptor/i.test(x.name.text))));
  const found = !decorator && r.callables.size + r.objects.size > 0 ? r : undefined;
  returnsMemo.set(maker, found ?? null);
  return found;
}

function hasFunctionMember(o: ts.ObjectLiteralExpression, locals: () => Set<string>): boolean {
  return o.properties.some((p) => ts.isMethodDeclaration(p) || (ts.isPropertyAssignment(p) && isFunctionLike(unwrap(p.initializer))) || localMemberName(p, locals()) !== undefined);
}

/** Pattern: `return { get, del: drop }` — a member naming one of the maker's local functions: that local's name. */
function localMemberName(p: ts.ObjectLiteralElementLike, locals: Set<string>): string | undefined {
  const named = ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
  return named && ts.isIdentifier(named) && locals.has(named.text) ? named.text : undefined;
}

/** The member of a returned object that names local function `name` (`return { get }`, `return { del: drop }`). */
function returnedMemberNaming(maker: FunctionLike, name: string): string | undefined {
  const r = returnsOf(maker);
  if (!r) return undefined;
  const locals = localFunctionNames(maker);
  for (const o of r.objects)
    for (const p of (o as ts.ObjectLiteralExpression).properties)
      if (localMemberName(p, locals) === name && p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
  return undefined;
}

/** Does `maker` return `name` (a local holding the closure)? */
function returnsName(maker: FunctionLike, name: string): boolean {
  const r = returnsOf(maker);
  if (!r) return false;
  for (const c of r.callables) if (ts.isIdentifier(c) && c.text === name) return true;
  return false;
}

function skipWrappers(n: ts.Node): ts.Node {
  let p = n.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p))) p = p.parent;
  return p;
}

function made(maker: FunctionLike | undefined, member: string): Made | undefined {
  const makerName = maker && topLevelName(maker);
  return maker && makerName ? { maker, makerName, member } : undefined;
}

/** The top-level maker of closure `fn` and the member it is reached by; undefined: `fn` is no made closure. */
export function madeBy(fn: ts.Node): Made | undefined {
  if (!isFunctionLike(fn) || ts.isFunctionDeclaration(fn) || ts.isConstructorDeclaration(fn)) return undefined;
  const p = skipWrappers(fn);
  if (!p) return undefined;
  // Pattern: const cached = (prefix) => async (id) => …
  if (ts.isArrowFunction(p) && p.body !== undefined && unwrap(p.body as ts.Expression) === fn) return made(p, CALLABLE);
  // Pattern: return async (id) => …
  if (ts.isReturnStatement(p)) return made(enclosingFunction(p), CALLABLE);
  // Pattern: const fn = async (id) => …; …; return fn
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) {
    const maker = enclosingFunction(p);
    if (!maker) return undefined;
    if (returnsName(maker, p.name.text)) return made(maker, CALLABLE);
    // Pattern: const get = async (id) => …; const del = …; return { get, del }
    const member = returnedMemberNaming(maker, p.name.text);
    return member !== undefined ? made(maker, member) : undefined;
  }
  // Pattern: fn.clear = (id) => …  (fn the returned closure)
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) {
    const target = unwrap(p.left.expression);
    const maker = enclosingFunction(p);
    return maker && ts.isIdentifier(target) && returnsName(maker, target.text) ? made(maker, p.left.name.text) : undefined;
  }
  // Pattern: return { get: async (id) => …, async del(id) { … } }
  const obj = ts.isMethodDeclaration(fn) ? fn.parent : ts.isPropertyAssignment(p) ? p.parent : undefined;
  const name = ts.isMethodDeclaration(fn) ? fn.name : ts.isPropertyAssignment(p) ? p.name : undefined;
  if (obj && ts.isObjectLiteralExpression(obj) && name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) {
    const maker = enclosingFunction(obj);
    return maker && returnsOf(maker)?.objects.has(obj) ? made(maker, name.text) : undefined;
  }
  return undefined;
}

/**
 * A parameter of a top-level maker, read inside one of the functions nested in it (a made closure,
 * or a key helper it calls): the instance's argument (`prefix` of `cached('team', …)`), which the
 * linker fills from the call that made the instance.
 */
export function isMakerParamAt(paramFn: ts.Node, at: ts.Node): boolean {
  if (!isFunctionLike(paramFn) || !topLevelName(paramFn) || !returnsOf(paramFn)) return false;
  const inner = enclosingFunction(at);
  return !!inner && (inner !== paramFn || inMakerConst(paramFn, at));
}

/**
 * Pattern: function cached(name, load) { const ns = `cache:${name}`; return { get: (id) => … `${ns}:${id}` … } }
 * — a const of the maker's own body, which its closures read: the instance's argument too.
 */
function inMakerConst(maker: FunctionLike, at: ts.Node): boolean {
  for (let p: ts.Node | undefined = at.parent; p && p !== maker; p = p.parent) {
    if (!ts.isVariableDeclaration(p)) continue;
    const list = p.parent;
    const stmt = list?.parent;
    return !!list && ts.isVariableDeclarationList(list) && !!(list.flags & ts.NodeFlags.Const) && !!stmt && ts.isVariableStatement(stmt) && stmt.parent === maker.body;
  }
  return false;
}
