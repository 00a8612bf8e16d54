// Cache key expressions as plain data (phase 1, one file): what literal text a key is made of,
// where its runtime values (holes) go, and which references only another file can answer (refs,
// expanded by shapes.ts once the project is linked). Local constants and key builders are
// followed and inlined here, so `userKey(u.id)` with `const userKey = (id) => \`user:${id}\``
// becomes lit 'user:' + hole 'u.id'.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { resolveName, returnExprOf, isStatic, stripFreeze, thisClass } from '../../syntax/local-values';
import { arrayTested, declarationOf, isFunctionLike, listJoiningParam, objectPropertyValue, oneOrList, propertyNameText, unwrap } from '../../syntax/scope';
import { isMakerParamAt } from '../../syntax/made-closures';
import { fromType } from '../cache/clients';
import { isSentinelLiteral } from './sentinels';
import { joinedParts, mergeLits, REQUEST_PATH_KEY } from './shapes';
import type { ExportValue, KeyExpr, KeyPart, SymbolRef } from '../types';

/** String methods whose result is a piece cut out of another string. */
const CUTS_TEXT = new Set(['replace', 'replaceAll', 'slice', 'substring', 'substr']);

/** Inlining deeper than this gives up (a hole): keys are never built 20 calls deep. */
const MAX_DEPTH = 20;

interface State {
  ctx: FileCtx;
  /** builder parameters being inlined → the parts of the argument passed for them */
  env: Map<ts.ParameterDeclaration, KeyPart[]>;
  /** names a destructured builder parameter binds (`({ domain, key }) => …`) → the parts passed for them */
  bound?: Map<ts.BindingElement, KeyPart[]>;
  /** builder parameters being inlined that were given a list: its elements (`genKey([PREFIX, id])`, a rest parameter) */
  lists?: Map<ts.ParameterDeclaration, readonly ts.Expression[]>;
  /** consts and functions being expanded right now (cycle guard) */
  active: Set<ts.Node>;
  depth: number;
}

export function keyExprOf(expr: ts.Expression, ctx: FileCtx): KeyExpr {
  const parts = requestPathOr(partsOf(expr, { ctx, env: new Map(), active: new Set(), depth: 0 }));
  const out: KeyExpr = { span: { start: expr.getStart(ctx.sf), end: expr.end }, text: expr.getText(ctx.sf), parts };
  const builder = builderOf(expr, ctx);
  if (builder) out.builder = builder;
  const written = writtenPieces(expr, ctx);
  if (written) out.written = written;
  return out;
}

/** Only the parts of a key expression (a wrapper's argument at a call site: no builder, no written form). */
/** Whether a key holds a constructor's (or a maker's) argument: `#ctor:<i>`, filled per instance by the linker. */
export function holdsInstanceArg(parts: readonly KeyPart[] | undefined): boolean {
  return !!parts?.some((p) => 'hole' in p && p.hole.startsWith('#ctor:'));
}

export function keyPartsOf(expr: ts.Expression, ctx: FileCtx): KeyPart[] {
  return requestPathOr(partsOf(expr, { ctx, env: new Map(), active: new Set(), depth: 0 }));
}

/**
 * Pattern: const saved = await cache.restore(req.path) … await cache.save(req.path, body) — a response
 * cache keyed by the request's path (Express `req.originalUrl`, Hapi `request.path`, Koa `ctx.path`,
 * Hono `c.req.path`): one key shape for every handler of the project (REQUEST_PATH_KEY), so a GET
 * handler's read-through says what a PUT handler's write of its own path is.
 */
function requestPathOr(parts: KeyPart[]): KeyPart[] {
  const only = parts.length === 1 ? parts[0] : undefined;
  return only && 'hole' in only && REQUEST_PATH.test(only.hole) ? [{ lit: REQUEST_PATH_KEY }] : parts;
}

const REQUEST_PATH = /^(?:req|request|ctx|context\.request|ctx\.request|c\.req)\.(?:path|url|originalUrl|url\.pathname)$/;

/**
 * A template or `+` chain as written: literal text and the hole expressions' own source text
 * (`id`, not what a const inlined for it), so a fix can rebuild the key with the same values.
 */
function writtenPieces(expr: ts.Expression, ctx: FileCtx): KeyPart[] | undefined {
  const out: KeyPart[] = [];
  const visit = (e: ts.Expression): boolean => {
    e = unwrap(e);
    if (ts.isStringLiteralLike(e)) out.push({ lit: e.text });
    else if (ts.isTemplateExpression(e)) {
      out.push({ lit: e.head.text });
      for (const span of e.templateSpans) {
        if (!visit(span.expression)) return false;
        out.push({ lit: span.literal.text });
      }
    } else if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return visit(e.left) && visit(e.right);
    else if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e))
      out.push({ hole: e.getText(ctx.sf) });
    else return false;
    return true;
  };
  return visit(expr) && out.length >= 2 ? out : undefined;
}

/** Describes a top-level `const x = <expr>` for other files (undefined: nothing key-related). */
export function valueOfExpression(expr: ts.Expression, ctx: FileCtx): ExportValue | undefined {
  return valueOf(expr, ctx, 0);
}

/** A key builder function: `(id) => \`product:${id}\``, `function userKey(id) { return 'user:' + id }`. */
export function valueOfFunction(fn: ts.FunctionLikeDeclaration, ctx: FileCtx): ExportValue | undefined {
  if (isAsyncOrGenerator(fn)) return undefined;
  const params = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
  const rest = fn.parameters[fn.parameters.length - 1]?.dotDotDotToken ? ({ rest: true } as const) : {};
  // Pattern: genKey(key) { let k = ''; if (Array.isArray(key)) k = key.join('_'); else k = key; return k }
  const joining = listJoiningParam(fn);
  if (joining) return ts.isIdentifier(joining.param.name) ? { t: 'key', parts: [{ hole: joining.param.name.text, join: joining.sep }], params, ...rest } : undefined;
  const body = returnExprOf(fn);
  if (!body) return undefined;
  // `(id) => prisma.user.findUnique({ where: { id } })` returns a query, not a key; a function
  // called by name with an options object of plain values (`buildScopedKey({ type, id })`) is a builder
  const u = unwrap(body);
  const plain = (a: ts.Expression) => ts.isIdentifier(a) || ts.isStringLiteralLike(a) || ts.isNumericLiteral(a) || ts.isPropertyAccessExpression(a) || ts.isTemplateExpression(a);
  const options = (a: ts.Expression) =>
    ts.isObjectLiteralExpression(a) &&
    a.properties.every((p) => ts.isShorthandPropertyAssignment(p) || (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && plain(unwrap(p.initializer))));
  if (ts.isCallExpression(u) && u.arguments.some((a) => !plain(unwrap(a)) && !(ts.isIdentifier(u.expression) && options(unwrap(a)))))
    return undefined;
  const env = new Map<ts.ParameterDeclaration, KeyPart[]>();
  fn.parameters.forEach((p, i) => {
    if (params[i]) env.set(p, [{ hole: params[i] }]);
  });
  const parts = partsOf(body, { ctx, env, active: new Set([fn]), depth: 0 });
  // Pattern: getRedisKey(prefix: RedisKeyPrefix, id) { return `${prefix}${id}` } — a template of
  // its parameters joins what its callers give (a prefix constant of theirs); so does one of a
  // parameter after a prefix set at start-up: redisKey(key) { return `${REDIS_PREFIX}${key}` }
  const joinsParams = ts.isTemplateExpression(u) && parts.length >= 2 && parts.every((p) => 'hole' in p) && parts.some((p) => 'hole' in p && params.includes(p.hole));
  // Pattern: (...parts) => parts.join(':') — the callers' parts, joined
  const joinsList = parts.some((p) => 'hole' in p && p.join !== undefined && params.includes(p.hole));
  return meaningful(parts) || joinsParams || joinsList ? { t: 'key', parts, params, ...rest } : undefined;
}

/** A class used as a key namespace: its static methods and properties. */
export function valueOfClass(cls: ts.ClassDeclaration, ctx: FileCtx): ExportValue | undefined {
  return classValue(cls, ctx, 0);
}

function valueOf(expr: ts.Expression, ctx: FileCtx, depth: number): ExportValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = stripFreeze(expr);
  // Pattern: export const NOT_FOUND = '__NOT_FOUND__' (or null)
  if (isSentinelLiteral(e, ctx)) return { t: 'sentinel' };
  // Pattern: export const PREFIX = 'app:'
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return { t: 'string', value: e.text };
  // Pattern: export const productKey = (id: string) => `product:${id}`
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return valueOfFunction(e, ctx);
  // Pattern: export const CacheKeys = { product: (id) => `product:${id}`, PREFIX: 'p' } as const
  if (ts.isObjectLiteralExpression(e)) return objectValue(e, ctx, depth);
  if (ts.isClassExpression(e)) return classValue(e, ctx, depth);
  // Pattern: export const keys = localKeys / export const k = Imported.user
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const t = resolveName(e, ctx.facts.imports);
    if (t?.t === 'import') return { t: 'reexport', ref: t.ref };
    if (t?.t === 'fn') return valueOfFunction(t.fn, ctx);
    if (t?.t === 'class') return classValue(t.cls, ctx, depth + 1);
    if (t?.t === 'expr' && t.expr !== e) return valueOf(t.expr, ctx, depth + 1);
    return undefined;
  }
  // Pattern: export const USER_PREFIX = `${APP}:user` / 'user:' + VERSION
  const parts = partsOf(e, { ctx, env: new Map(), active: new Set(), depth: 0 });
  if (!meaningful(parts)) return undefined;
  if (parts.every((p) => 'lit' in p)) return { t: 'string', value: parts.map((p) => (p as { lit: string }).lit).join('') };
  return { t: 'key', parts, params: [] };
}

function objectValue(obj: ts.ObjectLiteralExpression, ctx: FileCtx, depth: number): ExportValue | undefined {
  const members: Record<string, ExportValue> = {};
  for (const p of obj.properties) {
    const name = propertyNameText(p.name);
    if (name === undefined) continue;
    let v: ExportValue | undefined;
    if (ts.isPropertyAssignment(p)) v = valueOf(p.initializer, ctx, depth + 1);
    else if (ts.isShorthandPropertyAssignment(p)) v = valueOf(p.name, ctx, depth + 1);
    else if (ts.isMethodDeclaration(p) || ts.isGetAccessorDeclaration(p)) v = valueOfFunction(p, ctx);
    if (v) members[name] = v;
  }
  return Object.keys(members).length > 0 ? { t: 'object', members } : undefined;
}

function classValue(cls: ts.ClassLikeDeclaration, ctx: FileCtx, depth: number): ExportValue | undefined {
  const members: Record<string, ExportValue> = {};
  for (const m of cls.members) {
    const name = propertyNameText(m.name);
    if (name === undefined || !isStatic(m)) continue;
    let v: ExportValue | undefined;
    // Pattern: static get defaultClient(): RedisAdapter { … }  (a singleton client of a class extending ioredis)
    const client = ts.isGetAccessorDeclaration(m) ? fromType(m.type, ctx) : undefined;
    if (client) v = { t: 'client', client };
    else if (ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m)) v = valueOfFunction(m, ctx);
    else if (ts.isPropertyDeclaration(m) && m.initializer) v = valueOf(m.initializer, ctx, depth + 1);
    if (v) members[name] = v;
  }
  return Object.keys(members).length > 0 ? { t: 'object', members } : undefined;
}

/**
 * An exported class's instance methods that build keys (`getLessonKey(id, t) { return
 * `${this.LESSON_PREFIX}${id}:${t}` }`), for `this.cacheConfig.getLessonKey(…)` in the classes it is
 * injected into (ClassFact.keyMethods).
 */
export function keyMethodsOf(cls: ts.ClassDeclaration, ctx: FileCtx): ExportValue | undefined {
  const members: Record<string, ExportValue> = {};
  for (const m of cls.members) {
    const name = propertyNameText(m.name);
    if (name === undefined || isStatic(m) || !ts.isMethodDeclaration(m) || !m.body) continue;
    const v = valueOfFunction(m, ctx);
    if (v?.t === 'key' || v?.t === 'string') members[name] = v;
  }
  return Object.keys(members).length > 0 ? { t: 'object', members } : undefined;
}

/**
 * Pattern: this.cacheConfig.getLessonKey(id, tenant) with `private readonly cacheConfig:
 * CacheConfigService` — the declared type of the member the call goes through: imported (a
 * reference the linker resolves to the class's key methods) or a class of this file.
 */
function injectedTarget(callee: ts.PropertyAccessExpression, st: State): { t: 'fn'; fn: ts.FunctionLikeDeclaration } | { t: 'import'; ref: SymbolRef } | undefined {
  const m = injectedMethod(callee, st);
  return m && ('fn' in m ? { t: 'fn', fn: m.fn } : { t: 'import', ref: m.ref });
}

function injectedMethod(callee: ts.PropertyAccessExpression, st: State): { ref: SymbolRef } | { fn: ts.FunctionLikeDeclaration } | undefined {
  const recv = unwrap(callee.expression);
  if (!ts.isPropertyAccessExpression(recv) || recv.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const owner = thisClass(recv);
  if (!owner || owner.isStatic) return undefined;
  const field = recv.name.text;
  let type: ts.TypeNode | undefined;
  for (const m of owner.cls.members) {
    if (ts.isPropertyDeclaration(m) && propertyNameText(m.name) === field) type = m.type;
    if (ts.isConstructorDeclaration(m))
      for (const p of m.parameters) if (ts.isIdentifier(p.name) && p.name.text === field && ts.getModifiers(p)?.length) type = p.type;
  }
  if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  const typeName = type.typeName.text;
  const imp = st.ctx.facts.imports.find((i) => i.local === typeName);
  if (imp) return { ref: { module: imp.module, name: imp.name, member: [callee.name.text] } };
  const cls = st.ctx.sf.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === typeName);
  const method = cls?.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && !isStatic(m) && propertyNameText(m.name) === callee.name.text && !!m.body);
  return method ? { fn: method } : undefined;
}

/** A key shape needs some literal text or a reference that may turn into some. */
function meaningful(parts: KeyPart[]): boolean {
  return parts.some((p) => ('lit' in p && p.lit !== '') || 'ref' in p);
}

function partsOf(expr: ts.Expression, st: State): KeyPart[] {
  const e = unwrap(expr);
  if (st.depth > MAX_DEPTH) return [hole(e, st)];
  // Pattern: 'user:' / `user:` / 42
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return [{ lit: e.text }];
  // Pattern: `product:v2:${id}`
  if (ts.isTemplateExpression(e)) {
    const out: KeyPart[] = [{ lit: e.head.text }];
    for (const span of e.templateSpans) out.push(...partsOf(span.expression, st), { lit: span.literal.text });
    return mergeLits(out);
  }
  // Pattern: 'user:' + id
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    // `1 + x` may be a sum: only concatenation with a visible string is key text
    if ((ts.isNumericLiteral(unwrap(e.left)) || ts.isNumericLiteral(unwrap(e.right))) && !isStringy(e)) return [hole(e, st)];
    return mergeLits([...partsOf(e.left, st), ...partsOf(e.right, st)]);
  }
  if (ts.isCallExpression(e)) return callParts(e, st);
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return nameParts(e, st);
  // Pattern: caseSensitive ? key : key.toLowerCase() — both branches spell one key
  if (ts.isConditionalExpression(e)) {
    const either = eitherParts(e.condition, e.whenTrue, e.whenFalse, st);
    if (either) return either;
  }
  return [hole(e, st)];
}

/**
 * The one key both branches of `cond ? whenTrue : whenFalse` (or `if (cond) return whenTrue; return
 * whenFalse`) spell, when they do; undefined when they are two keys.
 */
function eitherParts(condition: ts.Expression, whenTrue: ts.Expression, whenFalse: ts.Expression, st: State): KeyPart[] | undefined {
  // Pattern: Array.isArray(key) ? key : [key] — one key or a list of them: the key
  const listed = oneOrList({ condition, whenTrue, whenFalse });
  if (listed) return partsOf(listed, { ...st, depth: st.depth + 1 });
  // both branches are read: a deep stack of conditionals would cost 2^depth, so each one counts 4 levels
  const inner = { ...st, depth: st.depth + 4 };
  const a = partsOf(whenTrue, inner);
  const b = partsOf(whenFalse, inner);
  if (meaningful(a) && sameSpelling(a, b)) return a;
  // Pattern: Array.isArray(key) ? key.join('_') : key — one key, or a list of its parts joined
  if (arrayTested(condition)) {
    const joined = joinedOf(a, b) ?? joinedOf(b, a);
    if (joined) return joined;
  }
  // Pattern: moduleId ? `course:hierarchy:${id}:module:${moduleId}` : `course:hierarchy:${id}` —
  // an optional qualifier: the base spelling, the key a delete of the entity names
  if (meaningful(b) && extendsKey(a, b)) return b;
  if (meaningful(a) && extendsKey(b, a)) return a;
  // Pattern: this.prefix ? `${this.prefix}:${key}` : key — an optional prefix: the prefixed spelling
  // (also `!this.prefix`, `this.prefix.length === 0` or `this.prefix === ''` with the branches the other way)
  const test = prefixTest(condition);
  if (test) {
    const [withPrefix, without] = test.negated ? [b, a] : [a, b];
    if (optionalPrefix(test.expr, withPrefix, without, () => partsOf(test.expr, inner))) return withPrefix;
  }
  return undefined;
}

/** What a condition tests of a prefix: `p`, `p.length`, `p !== ''` (given), or `!p`, `p.length === 0`, `p === ''` (negated). */
function prefixTest(cond: ts.Expression): { expr: ts.Expression; negated: boolean } | undefined {
  let c = unwrap(cond);
  let negated = false;
  if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) {
    negated = true;
    c = unwrap(c.operand);
  }
  if (ts.isBinaryExpression(c)) {
    const op = c.operatorToken.kind;
    const eq = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    const ne = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    const r = unwrap(c.right);
    const empty = (ts.isNumericLiteral(r) && r.text === '0') || (ts.isStringLiteralLike(r) && r.text === '');
    if (!empty || (!eq && !ne && op !== ts.SyntaxKind.GreaterThanToken)) return undefined;
    if (op === ts.SyntaxKind.GreaterThanToken && !ts.isNumericLiteral(r)) return undefined;
    negated = negated !== eq;
    c = unwrap(c.left);
  }
  if (ts.isPropertyAccessExpression(c) && c.name.text === 'length') c = unwrap(c.expression);
  return ts.isIdentifier(c) || ts.isPropertyAccessExpression(c) ? { expr: c, negated } : undefined;
}

/**
 * `cond ? <prefix><sep><rest> : <rest>` where the condition is the prefix's own truthiness (a name
 * or a member): the prefix is a hole followed by separators only, and the rest spells the same.
 */
function optionalPrefix(cond: ts.Expression, a: KeyPart[], b: KeyPart[], condParts: () => KeyPart[]): boolean {
  const c = unwrap(cond);
  if (!(ts.isIdentifier(c) || ts.isPropertyAccessExpression(c)) || b.length === 0) return false;
  const [head, sep] = a;
  if (!head || !('hole' in head) || !sep || !('lit' in sep)) return false;
  // the condition is the prefix itself (`this.prefix`, resolved as the prefix is: `#ctor:0`)
  const cp = condParts();
  if (cp.length !== 1 || !('hole' in cp[0]) || cp[0].hole !== head.hole) return false;
  const m = /^[:._\-/|#]+/.exec(sep.lit);
  if (!m) return false;
  const tail = sep.lit.slice(m[0].length);
  const rest = tail ? [{ lit: tail }, ...a.slice(2)] : a.slice(2);
  return rest.length > 0 && sameSpelling(rest, b);
}

/** The same literal text with holes in the same places (the holes' values may differ). */
/** `a` spells `base` and goes on past a separator: `course:{}:module:{}` of `course:{}`. */
function extendsKey(a: KeyPart[], base: KeyPart[]): boolean {
  if (base.length === 0 || a.length < base.length) return false;
  for (let i = 0; i < base.length - 1; i++) if (!samePart(a[i], base[i])) return false;
  const last = base[base.length - 1];
  const at = a[base.length - 1];
  let rest: KeyPart | undefined;
  if ('lit' in last) {
    if (!('lit' in at) || !at.lit.startsWith(last.lit)) return false;
    rest = at.lit.length > last.lit.length ? { lit: at.lit.slice(last.lit.length) } : a[base.length];
  } else {
    if (!samePart(at, last)) return false;
    rest = a[base.length];
  }
  return !!rest && 'lit' in rest && /^[:._\-/|#]/.test(rest.lit);
}

function samePart(p: KeyPart, q: KeyPart): boolean {
  return 'lit' in p ? 'lit' in q && q.lit === p.lit : 'hole' in p && 'hole' in q;
}

function sameSpelling(a: KeyPart[], b: KeyPart[]): boolean {
  return a.length === b.length && a.every((p, i) => ('lit' in p ? 'lit' in b[i] && (b[i] as { lit: string }).lit === p.lit : 'hole' in p && 'hole' in b[i]));
}

function isStringy(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (ts.isStringLiteralLike(u) || ts.isTemplateExpression(u)) return true;
  return ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.PlusToken && (isStringy(u.left) || isStringy(u.right));
}

function nameParts(e: ts.Expression, st: State): KeyPart[] {
  const t = resolveName(e, st.ctx.facts.imports);
  switch (t?.t) {
    // Pattern: `user:${id}` inside a builder being inlined: the caller's argument
    case 'param':
      if (st.env.has(t.decl)) return st.env.get(t.decl)!.slice();
      // Pattern: constructor(private readonly prefix = 'cache:') and `${this.prefix}${id}`, or
      // function cached(prefix, …) { return async (id) => redis.get(`${prefix}:${id}`) }: the instance's argument
      if (ts.isConstructorDeclaration(t.decl.parent) || isMakerParamAt(t.decl.parent, e)) return [{ hole: `#ctor:${t.decl.parent.parameters.indexOf(t.decl)}` }];
      return [hole(e, st)];
    // Pattern: const PREFIX = 'app:'; `${PREFIX}user:${id}`
    case 'expr':
      return guarded(t.expr, st, () => partsOf(t.expr, { ...st, depth: st.depth + 1 })) ?? [hole(e, st)];
    // Pattern: import { PREFIX } from './keys'; `${PREFIX}:${id}`
    case 'import':
      return [{ ref: t.ref }];
    default:
      // Pattern: `${domain}` with `({ domain }) =>` being inlined (declarationOf leaves destructured parameters alone)
      return (t === undefined ? boundParts(e, st) : undefined) ?? [ctorHole(e, st) ?? shadowingHole(e, st) ?? hole(e, st)];
  }
}

/**
 * Pattern: refresh(id = '') { for (const id of ids) set(`total_${id}`, …) } — a hole naming a local
 * variable that shadows a parameter: the callers' argument (or its default) is not this part of the key.
 */
function shadowingHole(e: ts.Expression, st: State): KeyPart | undefined {
  let root = unwrap(e);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = unwrap(root.expression);
  if (!ts.isIdentifier(root)) return undefined;
  const d = declarationOf(root, st.ctx.facts.imports);
  if (d?.t !== 'var' && d?.t !== 'binding') return undefined;
  // declarationOf stops at the closest declaration: a parameter of that name is further out
  const name = root.text;
  for (let p: ts.Node | undefined = d.node.parent; p; p = p.parent)
    if (isFunctionLike(p) && p.parameters.some((prm) => ts.isIdentifier(prm.name) && prm.name.text === name)) return { hole: e.getText(st.ctx.sf), local: true };
  return undefined;
}

/**
 * A constructor parameter (or a property of one: `options.prefix`) read where a member's value is
 * followed into the constructor (`this.prefix = \`${name}:\``): `#ctor:<index>`, so it never looks
 * like a parameter of the method whose key it ends up in; the linker fills it from `new X('lit')`.
 */
function ctorHole(e: ts.Expression, st: State): KeyPart | undefined {
  let root = unwrap(e);
  let rest = '';
  while (ts.isPropertyAccessExpression(root)) {
    rest = `.${root.name.text}${rest}`;
    root = unwrap(root.expression);
  }
  if (!ts.isIdentifier(root)) return undefined;
  const d = declarationOf(root, st.ctx.facts.imports);
  if (d?.t !== 'param' || !(ts.isConstructorDeclaration(d.fn) || isMakerParamAt(d.fn, e)) || st.env.has(d.node)) return undefined;
  return { hole: `#ctor:${d.index}${rest}` };
}

function callParts(call: ts.CallExpression, st: State): KeyPart[] {
  const callee = unwrap(call.expression);
  const args = call.arguments;
  // Pattern: String(id)
  if (ts.isIdentifier(callee) && callee.text === 'String' && args.length === 1 && !declarationOf(callee, st.ctx.facts.imports))
    return partsOf(args[0], st);
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const recv = unwrap(callee.expression);
    // Pattern: [prefix, id].join(':') / parts.join('') with `const parts = [...]`
    if (method === 'join' && args.length <= 1) {
      const arr = arrayLiteralOf(recv, st);
      const sepArg = args[0] && unwrap(args[0]);
      // the separator may itself be a constant: `const SEP = ':'`
      const sepParts = sepArg === undefined ? [{ lit: ',' }] : partsOf(sepArg, st);
      const sep = sepParts.length === 1 && 'lit' in sepParts[0] ? sepParts[0].lit : undefined;
      if (arr && sep !== undefined && !arr.elements.some((x) => ts.isSpreadElement(x) || ts.isOmittedExpression(x))) return joinParts(arr.elements, sep, st);
      // Pattern: [ns, ...args.map((a) => JSON.stringify(a))].join('|') — literal first parts, then the rest as one hole
      if (arr && sep !== undefined && arr.elements.length > 1 && !arr.elements.some(ts.isOmittedExpression) && !ts.isSpreadElement(arr.elements[0]))
        return joinedParts(arr.elements.map((x) => (ts.isSpreadElement(x) ? [hole(x.expression, st)] : partsOf(x, st))), sep);
      // Pattern: parts.join(':') of a builder's parameter: the list the caller gives, or a hole the caller fills
      const listed = sep !== undefined ? paramList(recv, st) : undefined;
      if (listed) return 'items' in listed ? joinParts(listed.items, sep!, st) : [{ ...listed.hole, join: sep! }];
      return [hole(call, st)];
    }
    // Pattern: id.toString() / key.trim() / a Mongo ObjectId's blogId.toHexString()
    if ((method === 'toString' || method === 'trim' || method === 'toHexString') && args.length === 0) return partsOf(recv, st);
    // Pattern: `linkcache:${domain}:${key}`.toLowerCase() — the literal text changes case, the holes stay holes
    if ((method === 'toLowerCase' || method === 'toUpperCase') && args.length === 0) {
      const inner = partsOf(recv, st);
      if (!inner.some((p) => 'lit' in p)) return [hole(call, st)];
      return inner.map((p) => ('lit' in p ? { lit: method === 'toLowerCase' ? p.lit.toLowerCase() : p.lit.toUpperCase() } : p));
    }
    // Pattern: ONLINE_KEY + tokenKey.replace(TOKEN_KEY, '') — what is left of another key, separator and all
    if (CUTS_TEXT.has(method)) return [{ hole: call.getText(st.ctx.sf), cut: true }];
    // Pattern: 'user:'.concat(id)
    if (method === 'concat' && (ts.isStringLiteralLike(recv) || ts.isTemplateExpression(recv)) && !args.some(ts.isSpreadElement))
      return mergeLits([...partsOf(recv, st), ...args.flatMap((a) => partsOf(a, st))]);
  }
  const t = resolveName(callee, st.ctx.facts.imports) ?? (ts.isPropertyAccessExpression(callee) ? injectedTarget(callee, st) : undefined);
  // Pattern: userKey(id) / keys.user(id) / CacheKeys.product(id) / this.key(id)
  if (t?.t === 'fn') return guarded(t.fn, st, () => inline(t.fn, call, st)) ?? [hole(call, st)];
  // Pattern: CacheKeys.product(p.id) with CacheKeys imported
  if (t?.t === 'import' && !args.some(ts.isSpreadElement)) {
    const parts = args.map((a) => partsOf(a, st));
    const part: KeyPart = { ref: t.ref, args: parts.map(argText) };
    // Pattern: getRedisKey(RedisKeyPrefix.USER_ROLE, id) — a constant of this file's imports, resolved
    // from here (the builder's file cannot resolve this file's import paths)
    if (parts.some((x) => x.some((q) => 'ref' in q && !q.args))) part.argRefs = parts.map((x) => (x.some((q) => 'ref' in q && !q.args) ? x : null));
    // Pattern: buildSubscriberKey({ environmentId, subscriberId: command.id }) — an options object a builder destructures
    // Pattern: genKey([CKEY.USER, id]) — a list the builder may join
    const lists = args.map((a) => listOf(a, st));
    if (lists.some((l) => l)) part.items = lists.map((l) => l?.map((x) => partsOf(x, st)) ?? null);
    const objects = args.map((a) => optionsObject(a, st));
    if (objects.some((o) => o)) {
      part.props = objects.map((o) => o?.props ?? null);
      if (objects.some((o) => o?.refs)) part.propRefs = objects.map((o) => o?.refs ?? null);
    }
    return [part];
  }
  return [hole(call, st)];
}

/** No spread argument, or only one, last, landing in a rest parameter: `keyOf(...args)` for `keyOf(...parts)`. */
function spreadsIntoRest(fn: ts.FunctionLikeDeclaration, call: ts.CallExpression): boolean {
  const i = call.arguments.findIndex(ts.isSpreadElement);
  return i < 0 || (i === call.arguments.length - 1 && !!fn.parameters[i]?.dotDotDotToken);
}

function inline(fn: ts.FunctionLikeDeclaration, call: ts.CallExpression, st: State): KeyPart[] | undefined {
  const joining = listJoiningParam(fn);
  const body = joining ? undefined : returnExprOf(fn);
  const twoWay = body || joining ? undefined : twoWayReturn(fn);
  if ((!body && !joining && !twoWay) || isAsyncOrGenerator(fn) || !spreadsIntoRest(fn, call)) return undefined;
  const env = new Map(st.env);
  const bound = new Map(st.bound);
  const lists = new Map(st.lists);
  const inner: State = { ...st, env, bound, lists, depth: st.depth + 1 };
  fn.parameters.forEach((p, i) => {
    const arg = call.arguments[i];
    const items = arg && !p.dotDotDotToken ? listOf(arg, st) : undefined;
    if (items) lists.set(p, items);
    // Pattern: key({ domain, key }) { return `link:${domain}:${key}` } called as this.key({ domain: l.domain, key: l.key }) or this.key(l)
    if (ts.isObjectBindingPattern(p.name)) bindPattern(p.name, arg, st, bound);
    else if (p.dotDotDotToken) {
      lists.set(p, call.arguments.slice(i));
      env.set(p, [{ hole: call.arguments.slice(i).map((a) => a.getText(st.ctx.sf)).join(', ') }]);
    } else if (arg) env.set(p, partsOf(arg, st));
    // a default may read earlier parameters: evaluate it with what is bound so far
    else if (p.initializer) env.set(p, partsOf(p.initializer, inner));
    else env.set(p, [{ hole: ts.isIdentifier(p.name) ? p.name.text : p.name.getText(st.ctx.sf) }]);
  });
  if (body) return partsOf(body, inner);
  // Pattern: prefixKey(key) { if (this.prefix.length === 0) return key; return `${this.prefix}-${key}` }
  if (twoWay) return eitherParts(twoWay.condition, twoWay.whenTrue, twoWay.whenFalse, inner) ?? [hole(call, st)];
  // Pattern: genKey(key) { let k = ''; if (Array.isArray(key)) k = key.join('_'); else k = key; return k }
  const given = lists.get(joining!.param);
  if (given) return joinParts(given, joining!.sep, st);
  const parts = env.get(joining!.param) ?? [];
  return parts.length === 1 && 'hole' in parts[0] && !parts[0].local ? [{ ...parts[0], join: joining!.sep }] : parts;
}

/** A body of two returns, `if (cond) return a; return b` (a block or a bare return after the `if`). */
function twoWayReturn(fn: ts.FunctionLikeDeclaration): { condition: ts.Expression; whenTrue: ts.Expression; whenFalse: ts.Expression } | undefined {
  const stmts = fn.body && ts.isBlock(fn.body) ? fn.body.statements : undefined;
  if (stmts?.length !== 2) return undefined;
  const [first, last] = stmts;
  if (!ts.isIfStatement(first) || first.elseStatement || !ts.isReturnStatement(last) || !last.expression) return undefined;
  const then = ts.isBlock(first.thenStatement) && first.thenStatement.statements.length === 1 ? first.thenStatement.statements[0] : first.thenStatement;
  return ts.isReturnStatement(then) && then.expression ? { condition: first.expression, whenTrue: then.expression, whenFalse: last.expression } : undefined;
}

/** The parts of `items` with `sep` between them. */
function joinParts(items: readonly ts.Expression[], sep: string, st: State): KeyPart[] {
  return joinedParts(items.map((x) => partsOf(x, st)), sep);
}

/** An array literal (or a local constant holding one) without spreads or holes: its elements. */
function listOf(e: ts.Expression, st: State): readonly ts.Expression[] | undefined {
  const arr = arrayLiteralOf(e, st);
  return arr && arr.elements.length > 0 && !arr.elements.some((x) => ts.isSpreadElement(x) || ts.isOmittedExpression(x)) ? arr.elements : undefined;
}

/**
 * A parameter whose elements are joined: the list the caller gave (a builder being inlined), or,
 * where nobody gave one, the parameter as a hole its callers fill (`hset(key, v)` of a wrapper).
 */
function paramList(recv: ts.Expression, st: State): { items: readonly ts.Expression[] } | { hole: { hole: string } } | undefined {
  if (!ts.isIdentifier(recv)) return undefined;
  const t = resolveName(recv, st.ctx.facts.imports);
  if (t?.t !== 'param') return undefined;
  const items = st.lists?.get(t.decl);
  if (items) return { items };
  const parts = st.env.has(t.decl) ? st.env.get(t.decl)! : [{ hole: recv.text }];
  const p = parts.length === 1 ? parts[0] : undefined;
  return p && 'hole' in p && !p.local && /^[\w$]+$/.test(p.hole) ? { hole: { hole: p.hole } } : undefined;
}

/** `joined` is a list parameter's join and `plain` the same parameter as it is: the join (it reads both). */
function joinedOf(joined: KeyPart[], plain: KeyPart[]): KeyPart[] | undefined {
  const j = joined.length === 1 ? joined[0] : undefined;
  const q = plain.length === 1 ? plain[0] : undefined;
  return j && q && 'hole' in j && j.join !== undefined && 'hole' in q && q.join === undefined && q.hole === j.hole ? joined : undefined;
}

/** The elements of a list argument as key parts (`[CKEY.USER, id]`), for a wrapper or builder that joins them. */
export function listItemsOf(e: ts.Expression, ctx: FileCtx): KeyPart[][] | undefined {
  const st: State = { ctx, env: new Map(), active: new Set(), depth: 0 };
  const items = listOf(e, st);
  return items?.map((x) => partsOf(x, st));
}

/**
 * The names of a destructured parameter: each gets the argument's property of that name, from an
 * object literal (`{ domain: link.domain }`, `{ domain }`) or as `<arg>.<name>` of a plain name
 * (`this.key(link)` → `link.domain`). Anything else (a spread, a default, a nested pattern) is a hole.
 */
function bindPattern(pat: ts.ObjectBindingPattern, arg: ts.Expression | undefined, st: State, out: Map<ts.BindingElement, KeyPart[]>): void {
  const a = arg && unwrap(arg);
  for (const el of pat.elements) {
    if (el.dotDotDotToken || !ts.isIdentifier(el.name) || el.initializer) continue;
    const prop = el.propertyName ? propertyNameText(el.propertyName) : el.name.text;
    if (prop === undefined || !a) continue;
    if (ts.isObjectLiteralExpression(a)) {
      const v = objectPropertyValue(a, prop);
      if (v) out.set(el, partsOf(v, st));
    } else if (ts.isIdentifier(a) || ts.isPropertyAccessExpression(a)) {
      const base = partsOf(a, st);
      if (base.length === 1 && 'hole' in base[0]) out.set(el, [{ hole: `${base[0].hole}.${prop}` }]);
    }
  }
}

/** A name bound by a destructured parameter of a builder being inlined, and not declared closer. */
function boundParts(e: ts.Expression, st: State): KeyPart[] | undefined {
  if (!st.bound?.size || !ts.isIdentifier(e) || declarationOf(e, st.ctx.facts.imports)) return undefined;
  for (const [el, parts] of st.bound) {
    if ((el.name as ts.Identifier).text !== e.text) continue;
    // the name must be read inside the function whose parameter binds it
    let fn: ts.Node = el;
    while (fn && !ts.isParameter(fn)) fn = fn.parent;
    const owner = fn?.parent;
    if (owner && e.pos >= owner.pos && e.end <= owner.end) return parts.slice();
  }
  return undefined;
}

/** Runs `f` unless `node` is already being expanded (a cycle): then undefined. */
function guarded<T>(node: ts.Node, st: State, f: () => T): T | undefined {
  if (st.active.has(node)) return undefined;
  st.active.add(node);
  try {
    return f();
  } finally {
    st.active.delete(node);
  }
}

function arrayLiteralOf(e: ts.Expression, st: State): ts.ArrayLiteralExpression | undefined {
  const u = unwrap(e);
  if (ts.isArrayLiteralExpression(u)) return u;
  if (ts.isIdentifier(u)) {
    const t = resolveName(u, st.ctx.facts.imports);
    if (t?.t === 'expr') {
      const init = unwrap(t.expr);
      if (ts.isArrayLiteralExpression(init)) return init;
    }
  }
  return undefined;
}

/** The builder a key calls, directly or through `const key = userKey(id)`, for fixes to reuse. */
function builderOf(expr: ts.Expression, ctx: FileCtx): KeyExpr['builder'] {
  let e = unwrap(expr);
  for (let i = 0; i < 8 && ts.isIdentifier(e); i++) {
    const t = resolveName(e, ctx.facts.imports);
    if (t?.t !== 'expr') return undefined;
    e = unwrap(t.expr);
  }
  if (!ts.isCallExpression(e)) return undefined;
  const args = e.arguments.map((a) => a.getText(ctx.sf));
  const t = resolveName(e.expression, ctx.facts.imports);
  if (t?.t === 'fn') return { local: unwrap(e.expression).getText(ctx.sf), args };
  if (t?.t === 'import') return { ref: t.ref, args };
  return undefined;
}

/**
 * An object literal of plain properties handed to a key builder: each property's value as source
 * text (argText), and the parts of those naming constants, to resolve from this file. Undefined for
 * anything else (a spread, a computed name, a method).
 */
function optionsObject(a: ts.Expression, st: State): { props: Record<string, string>; refs?: Record<string, KeyPart[]> } | undefined {
  const o = unwrap(a);
  if (!ts.isObjectLiteralExpression(o) || o.properties.length === 0) return undefined;
  const props: Record<string, string> = {};
  let refs: Record<string, KeyPart[]> | undefined;
  for (const p of o.properties) {
    let value: ts.Expression;
    let name: string;
    if (ts.isShorthandPropertyAssignment(p)) [value, name] = [p.name, p.name.text];
    else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) [value, name] = [p.initializer, p.name.text];
    else return undefined;
    const parts = partsOf(value, { ...st, depth: st.depth + 1 });
    props[name] = argText(parts);
    if (parts.some((q) => 'ref' in q && !q.args)) (refs ??= {})[name] = parts;
  }
  return refs ? { props, refs } : { props };
}

/**
 * The text of a builder argument for the linker: a quoted literal when it is known text (so
 * `keyFor(ENTITY, id)` with `const ENTITY = 'product'` still expands to 'product:'), the hole's
 * text when it is a runtime value (after parameter substitution), else a template.
 */
function argText(parts: KeyPart[]): string {
  if (parts.every((p) => 'lit' in p)) return JSON.stringify(parts.map((p) => (p as { lit: string }).lit).join(''));
  if (parts.length === 1 && 'hole' in parts[0]) return parts[0].hole;
  const body = parts
    .map((p) => ('lit' in p ? p.lit.replace(/[`\\$]/g, '\\$&') : '${' + ('hole' in p ? p.hole : refText(p.ref, p.args)) + '}'))
    .join('');
  return '`' + body + '`';
}

function refText(ref: SymbolRef, args?: string[]): string {
  const path = [ref.name === '*' || ref.name === 'default' ? ref.module : ref.name, ...(ref.member ?? [])].join('.');
  return args ? `${path}(${args.join(', ')})` : path;
}

function hole(e: ts.Node, st: State): KeyPart {
  return { hole: e.getText(st.ctx.sf) };
}

function isAsyncOrGenerator(fn: ts.FunctionLikeDeclaration): boolean {
  if (fn.asteriskToken) return true;
  return (ts.getModifiers(fn) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}
