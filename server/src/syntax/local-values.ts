// What a name in a key or cached value stands for, within one file and without the type checker:
// a const's initializer, an object literal's member, a class's static or instance member, a
// function to inline, an import to leave to the linker. Shared by cache-keys.ts and sentinels.ts.
// Anything that could be reassigned or shadowed resolves to nothing: a wrong literal here becomes
// a wrong key shape and, downstream, a false key-drift claim.
import { ts } from 'ts-morph';
import { isAssignmentOperator } from './operators';
import { declarationOf, isFunctionLike, memberName, propertyNameText, unwrap, type Decl } from './scope';
import type { ImportFact, SymbolRef } from '../facts/types';
import { treeMemo } from './tree-memo';
import { reassignedIn } from './scope-writes';

export type Target =
  | { t: 'expr'; expr: ts.Expression }
  | { t: 'fn'; fn: ts.FunctionLikeDeclaration }
  | { t: 'class'; cls: ts.ClassLikeDeclaration }
  | { t: 'import'; ref: SymbolRef }
  | { t: 'param'; decl: ts.ParameterDeclaration }
  | { t: 'enum'; decl: ts.EnumDeclaration };

/** Chains longer than this (or cyclic `const a = b; const b = a`) resolve to nothing. */
const MAX_DEPTH = 16;

/** Resolves an identifier, `a.b.c`, `a['b']` or `this.b` to what it stands for. */
export function resolveName(expr: ts.Expression, imports: readonly ImportFact[], depth = 0): Target | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return identifierTarget(e, imports, depth);
  const name = memberName(e);
  if (name === undefined || !(ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e))) return undefined;
  const recv = unwrap(e.expression);
  // Pattern: this.prefix / this.key(id)
  if (recv.kind === ts.SyntaxKind.ThisKeyword) {
    const owner = thisClass(recv);
    return owner && classMember(owner.cls, name, owner.isStatic, imports, depth + 1);
  }
  const base = resolveName(recv, imports, depth + 1);
  return base && memberOf(base, name, imports, depth + 1);
}

/** The expression a function returns when it has exactly one `return` (or an expression body). */
const HOLDS_STATEMENTS = new Set([
  ts.SyntaxKind.Block,
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.TryStatement,
  ts.SyntaxKind.CatchClause,
  ts.SyntaxKind.SwitchStatement,
  ts.SyntaxKind.CaseBlock,
  ts.SyntaxKind.CaseClause,
  ts.SyntaxKind.DefaultClause,
  ts.SyntaxKind.LabeledStatement,
  ts.SyntaxKind.WithStatement,
]);

export function returnExprOf(fn: ts.FunctionLikeDeclaration, opts: { orNull?: boolean } = {}): ts.Expression | undefined {
  const all = returnExprsOf(fn, opts);
  return all?.length === 1 ? all[0] : undefined;
}

/** Every value `fn` returns (nullish ones left out with `orNull`); undefined when a bare `return;` is among them. */
export function returnExprsOf(fn: ts.FunctionLikeDeclaration, opts: { orNull?: boolean } = {}): ts.Expression[] | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return [body];
  const found: ts.Expression[] = [];
  let bare = false;
  // returns are statements: only statements that hold statements are entered, never expressions
  // (where a return can only belong to a nested function) nor nested functions and classes
  const visit = (n: ts.Node): void => {
    if (ts.isReturnStatement(n)) {
      if (n.expression) found.push(n.expression);
      else bare = true;
      return;
    }
    if (HOLDS_STATEMENTS.has(n.kind)) ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  // Pattern: function createRedis() { if (!url) return null; try { return new Redis(…) } catch { return null } }
  const kept = opts.orNull ? found.filter((e) => !isNullish(e)) : found;
  return bare ? undefined : kept;
}

/** `null`, `undefined`, `void 0`: no value. */
export function isNullish(e: ts.Expression): boolean {
  const u = unwrap(e);
  return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === 'undefined') || ts.isVoidExpression(u);
}

/** `Object.freeze({...})` and `{...} as const` both stand for the object literal. */
export function stripFreeze(e: ts.Expression): ts.Expression {
  const u = unwrap(e);
  if (
    ts.isCallExpression(u) &&
    ts.isPropertyAccessExpression(u.expression) &&
    ts.isIdentifier(u.expression.expression) &&
    u.expression.expression.text === 'Object' &&
    u.expression.name.text === 'freeze' &&
    u.arguments.length === 1
  )
    return unwrap(u.arguments[0]);
  return u;
}

export function isStatic(m: ts.Node): boolean {
  return ts.canHaveModifiers(m) && (ts.getModifiers(m) ?? []).some((k) => k.kind === ts.SyntaxKind.StaticKeyword);
}

/** The function (or file) a declaration's names live in: where an assignment to them may be. */
function scopeOfDeclaration(n: ts.Node): ts.Node {
  let p = n.parent;
  while (p && !isFunctionLike(p) && !ts.isSourceFile(p)) p = p.parent;
  return p ?? n;
}

function identifierTarget(id: ts.Identifier, imports: readonly ImportFact[], depth: number): Target | undefined {
  const decl = declarationOf(id, imports);
  if (!decl || shadowedByPattern(id, decl)) return undefined;
  switch (decl.t) {
    case 'import':
      return { t: 'import', ref: { module: decl.imp.module, name: decl.imp.name } };
    case 'param':
      return { t: 'param', decl: decl.node };
    case 'function':
      return decl.node.body ? { t: 'fn', fn: decl.node } : undefined;
    case 'class':
      return { t: 'class', cls: decl.node };
    case 'enum':
      return { t: 'enum', decl: decl.node };
    case 'var': {
      // Pattern: const keys = require('./keys') (in the import table, scope.ts collectRequire)
      const imp = isRequire(decl.node) ? imports.find((i) => i.local === id.text) : undefined;
      if (imp) return { t: 'import', ref: { module: imp.module, name: imp.name } };
      const list = decl.node.parent;
      // a `const`, or a `let` nothing assigns again (`let cacheKey = \`${key}:${id}\``): a `let` changed
      // anywhere in its scope may hold another value at the cache call
      if (!ts.isVariableDeclarationList(list) || !decl.node.initializer || !ts.isIdentifier(decl.node.name)) return undefined;
      if (!(list.flags & ts.NodeFlags.Const) && (!(list.flags & ts.NodeFlags.Let) || reassignedIn(scopeOfDeclaration(list), decl.node.name.text))) return undefined;
      return targetOfInit(decl.node.initializer, imports, depth + 1);
    }
    default:
      // a destructured name: what it holds is not followed (a wrong value would make a wrong key)
      return undefined;
  }
}

function targetOfInit(init: ts.Expression, imports: readonly ImportFact[], depth: number): Target | undefined {
  const e = stripFreeze(init);
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return { t: 'fn', fn: e };
  if (ts.isClassExpression(e)) return { t: 'class', cls: e };
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    // `const keys = OTHER_KEYS`: follow; a global or unknown name stays an expression (a hole)
    return resolveName(e, imports, depth) ?? { t: 'expr', expr: e };
  }
  return { t: 'expr', expr: init };
}

function memberOf(base: Target, name: string, imports: readonly ImportFact[], depth: number): Target | undefined {
  switch (base.t) {
    case 'import': {
      // `import * as keys` + `keys.user` stays `*` + member: the linker also knows CommonJS exports
      const r = base.ref;
      return { t: 'import', ref: { module: r.module, name: r.name, member: [...(r.member ?? []), name] } };
    }
    case 'class':
      return classMember(base.cls, name, true, imports, depth);
    case 'enum':
      return enumMember(base.decl, name);
    case 'expr': {
      const obj = stripFreeze(base.expr);
      return ts.isObjectLiteralExpression(obj) ? objectMember(obj, name, imports, depth) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * `CacheEnum.SYS_DICT_KEY`: the member's literal initializer. A member without one (an implicit
 * number) or computed from other members stays unresolved: a hole, never a guessed value.
 */
function enumMember(decl: ts.EnumDeclaration, name: string): Target | undefined {
  // `declare enum` values live elsewhere (a .d.ts may even lie about them)
  if (ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Ambient) return undefined;
  const m = decl.members.find((x) => propertyNameText(x.name) === name);
  const init = m?.initializer && unwrap(m.initializer);
  if (!init || !(ts.isStringLiteralLike(init) || ts.isNumericLiteral(init))) return undefined;
  return { t: 'expr', expr: init };
}

function objectMember(obj: ts.ObjectLiteralExpression, name: string, imports: readonly ImportFact[], depth: number): Target | undefined {
  // the last definition wins, as at runtime; a spread after it could override it: give up then
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (ts.isSpreadAssignment(p)) return undefined;
    if (propertyNameText(p.name) !== name) continue;
    if (ts.isPropertyAssignment(p)) return targetOfInit(p.initializer, imports, depth + 1);
    if (ts.isShorthandPropertyAssignment(p)) return resolveName(p.name, imports, depth + 1);
    if (ts.isMethodDeclaration(p)) return p.body ? { t: 'fn', fn: p } : undefined;
    if (ts.isGetAccessorDeclaration(p)) {
      const r = returnExprOf(p);
      return r && { t: 'expr', expr: r };
    }
    return undefined;
  }
  return undefined;
}

function classMember(cls: ts.ClassLikeDeclaration, name: string, wantStatic: boolean, imports: readonly ImportFact[], depth: number): Target | undefined {
  const assigned = assignedMembers(cls).get(name) ?? [];
  for (const m of cls.members) {
    if (propertyNameText(m.name) !== name || isStatic(m) !== wantStatic) continue;
    if (ts.isMethodDeclaration(m)) return m.body ? { t: 'fn', fn: m } : undefined;
    if (ts.isGetAccessorDeclaration(m)) {
      const r = returnExprOf(m);
      return r && { t: 'expr', expr: r };
    }
    if (!ts.isPropertyDeclaration(m)) return undefined;
    // a field assigned in the class holds what it is assigned: once, in the constructor, is known
    if (assigned.length > 0) return wantStatic ? undefined : constructorAssigned(cls, assigned, imports, depth);
    if (!m.initializer) return undefined;
    const init = unwrap(m.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return { t: 'fn', fn: init };
    return targetOfInit(m.initializer, imports, depth + 1);
  }
  if (wantStatic) return undefined;
  // Pattern: constructor(private readonly prefix = 'cache:') — the instance's argument (key-exprs: `#ctor:<i>`)
  const ctor = constructorOf(cls);
  const p = ctor?.parameters.find((x) => ts.isIdentifier(x.name) && x.name.text === name && !!ts.getModifiers(x)?.length);
  if (p) return assigned.length === 0 ? { t: 'param', decl: p } : undefined;
  // Pattern: constructor() { this.prefix = 'memberAttributes:' } with no field declared (JavaScript)
  return assigned.length > 0 ? constructorAssigned(cls, assigned, imports, depth) : undefined;
}

function constructorOf(cls: ts.ClassLikeDeclaration): ts.ConstructorDeclaration | undefined {
  return cls.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && !!m.body);
}

/**
 * Pattern: constructor(name: string) { this.prefix = `${name}:`; this.key = (id) => `${this.prefix}${id}` }
 * A member assigned exactly once, by a statement of its own in the constructor body (so on every
 * construction, after the field initializers), holds that value. Constructor parameters in it stay
 * holes named `#ctor:<index>`, which the linker fills from a visible `new X('literal')` (ops.ts).
 */
function constructorAssigned(cls: ts.ClassLikeDeclaration, assigned: ts.BinaryExpression[], imports: readonly ImportFact[], depth: number): Target | undefined {
  const a = assigned[0];
  const ctor = constructorOf(cls);
  if (assigned.length !== 1 || !ctor || a.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = unwrap(a.left);
  if (!(ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) || unwrap(left.expression).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  if (!ts.isExpressionStatement(a.parent) || a.parent.parent !== ctor.body) return undefined;
  const rhs = unwrap(a.right);
  if (ts.isArrowFunction(rhs) || ts.isFunctionExpression(rhs)) return { t: 'fn', fn: rhs };
  return targetOfInit(a.right, imports, depth + 1);
}

/** The class `this` refers to at `node`, and whether it is the constructor (static context). */
export function thisClass(node: ts.Node): { cls: ts.ClassLikeDeclaration; isStatic: boolean } | undefined {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isArrowFunction(p)) continue; // arrows keep the outer `this`
    if (ts.isClassStaticBlockDeclaration(p) && ts.isClassLike(p.parent)) return { cls: p.parent, isStatic: true };
    if ((isFunctionLike(p) || ts.isPropertyDeclaration(p)) && p.parent && ts.isClassLike(p.parent))
      return { cls: p.parent, isStatic: isStatic(p) };
    if (isFunctionLike(p) || ts.isClassLike(p) || ts.isSourceFile(p)) return undefined;
  }
  return undefined;
}

// asked once per member name, answered from one walk of the class body
const assignedCache = treeMemo<ts.ClassLikeDeclaration, Map<string, ts.BinaryExpression[]>>();

/** Assignments `this.x = …` / `this.x += …` / `Cls.x = …` anywhere in the class body, by name. */
export function assignedMembers(cls: ts.ClassLikeDeclaration): Map<string, ts.BinaryExpression[]> {
  let out = assignedCache.get(cls);
  if (out) return out;
  const names = new Map<string, ts.BinaryExpression[]>();
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && isAssignmentOperator(n.operatorToken.kind)) {
      const name = memberName(unwrap(n.left));
      if (name !== undefined) {
        const list = names.get(name);
        if (list) list.push(n);
        else names.set(name, [n]);
      }
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(cls, visit);
  out = names;
  assignedCache.set(cls, out);
  return out;
}

/**
 * declarationOf only sees plain identifiers: `const { prefix } = cfg` or `({ id }) => …` between
 * the use and the declaration it found would make it return an outer, wrong binding.
 */
function shadowedByPattern(id: ts.Identifier, decl: Decl): boolean {
  const name = id.text;
  const scope = scopeOf(decl);
  for (let p: ts.Node | undefined = id.parent; p && p !== scope; p = p.parent) {
    if (isFunctionLike(p) && p.parameters.some((prm) => !ts.isIdentifier(prm.name) && patternBinds(prm.name, name))) return true;
    if (ts.isCatchClause(p) && p.variableDeclaration && patternBinds(p.variableDeclaration.name, name)) return true;
    if (ts.isBlock(p) || ts.isSourceFile(p))
      for (const s of p.statements)
        if (ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => !ts.isIdentifier(d.name) && !isRequire(d) && patternBinds(d.name, name)))
          return true;
  }
  return false;
}

/** A top-level `const { a } = require('m')` is in the import table already (scope.ts collectRequire). */
function isRequire(d: ts.VariableDeclaration): boolean {
  if (!ts.isSourceFile(d.parent?.parent?.parent)) return false;
  const init = d.initializer && unwrap(d.initializer);
  return !!init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require';
}

function scopeOf(decl: Decl): ts.Node | undefined {
  switch (decl.t) {
    case 'import':
      return undefined; // the walk runs to the file
    case 'param':
      return decl.fn;
    case 'var':
      return decl.node.parent?.parent?.parent; // declaration → list → statement → block
    default:
      return decl.node.parent;
  }
}

function patternBinds(n: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(n)) return n.text === name;
  for (const el of n.elements) if (!ts.isOmittedExpression(el) && patternBinds(el.name, name)) return true;
  return false;
}

/**
 * The number a constant expression of this file stands for: a literal, arithmetic of such
 * (`60 * 60 * 24`, `REDIS_ONE_MINUTE / 60`), or a name resolveName resolves to one (a `const`, an
 * object or enum member, a member nothing reassigns). Undefined for anything else, for imports
 * (the linker's business) or for a result that is no finite number.
 */
export function constNumber(expr: ts.Expression, imports: readonly ImportFact[], depth = 0): number | undefined {
  if (depth > 8) return undefined;
  const e = unwrap(expr);
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isPrefixUnaryExpression(e) && (e.operator === ts.SyntaxKind.MinusToken || e.operator === ts.SyntaxKind.PlusToken)) {
    const v = constNumber(e.operand, imports, depth + 1);
    return v === undefined ? undefined : e.operator === ts.SyntaxKind.MinusToken ? -v : v;
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op !== ts.SyntaxKind.AsteriskToken && op !== ts.SyntaxKind.SlashToken && op !== ts.SyntaxKind.PlusToken && op !== ts.SyntaxKind.MinusToken) return undefined;
    const l = constNumber(e.left, imports, depth + 1);
    const r = l === undefined ? undefined : constNumber(e.right, imports, depth + 1);
    if (l === undefined || r === undefined) return undefined;
    const v = op === ts.SyntaxKind.AsteriskToken ? l * r : op === ts.SyntaxKind.SlashToken ? l / r : op === ts.SyntaxKind.PlusToken ? l + r : l - r;
    return Number.isFinite(v) ? v : undefined;
  }
  // Pattern: ONE_DAY, CacheTTL.DAY, this.ttl of a readonly member: what resolveName says it holds
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const t = resolveName(e, imports);
    return t?.t === 'expr' ? constNumber(t.expr, imports, depth + 1) : undefined;
  }
  return undefined;
}
