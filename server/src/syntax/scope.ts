// Syntactic name resolution inside one file: which declaration an identifier refers to, what an
// import binds, which function/class encloses a node. No type checker: this works on a lone file,
// without node_modules, and costs a walk up the parent chain.
import { ts } from 'ts-morph';
import type { ImportFact } from '../facts/types';
import { treeMemo } from './tree-memo';

export type Decl =
  | { t: 'import'; imp: ImportFact }
  | { t: 'var'; node: ts.VariableDeclaration }
  | { t: 'param'; node: ts.ParameterDeclaration; index: number; fn: ts.SignatureDeclaration }
  | { t: 'function'; node: ts.FunctionDeclaration }
  | { t: 'class'; node: ts.ClassDeclaration }
  /** `enum CacheEnum { SYS_DICT_KEY = 'sys_dict:' }`: its members are constants (local-values.ts) */
  | { t: 'enum'; node: ts.EnumDeclaration }
  /** a name bound by a destructuring declaration: `const [a, b] = await Promise.all(…)`, `const { rows } = …` */
  | { t: 'binding'; node: ts.VariableDeclaration };

export type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

// one switch on the kind: this runs for every step up every parent chain
export function isFunctionLike(n: ts.Node): n is FunctionLike {
  switch (n.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      return true;
    default:
      return false;
  }
}

export function enclosingFunction(n: ts.Node): FunctionLike | undefined {
  for (let p = n.parent; p; p = p.parent) if (isFunctionLike(p)) return p;
  return undefined;
}

export function enclosingClass(n: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let p = n.parent; p; p = p.parent) if (ts.isClassDeclaration(p) || ts.isClassExpression(p)) return p;
  return undefined;
}

/** The class's `extends` clause (`Repository<Product>` of `class ProductRepository extends Repository<Product>`). */
export function extendsClause(cls: ts.ClassLikeDeclaration | undefined): ts.ExpressionWithTypeArguments | undefined {
  return cls?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
}

/** Strips `await`, parentheses, `as`/`!`/`satisfies` and type assertions. */
export function unwrap(e: ts.Expression): ts.Expression {
  // one switch on the kind: this runs several times for every call of every file
  for (;;) {
    switch (e.kind) {
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AwaitExpression:
      case ts.SyntaxKind.NonNullExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
        e = (e as ts.ParenthesizedExpression).expression;
        break;
      default:
        return e;
    }
  }
}

/** The property name of `a.b` / `a['b']` / `a.#b`, if static. */
export function memberName(e: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return e.argumentExpression.text;
  return undefined;
}

export function propertyNameText(n: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!n) return undefined;
  if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n) || ts.isStringLiteral(n) || ts.isNumericLiteral(n)) return n.text;
  return undefined;
}

/** The file's import bindings, in declaration order. `require()` bindings are included. */
export function collectImport(node: ts.ImportDeclaration, out: ImportFact[]): void {
  if (!ts.isStringLiteral(node.moduleSpecifier) || !node.importClause) return;
  const module = node.moduleSpecifier.text;
  const c = node.importClause;
  if (c.name) out.push({ local: c.name.text, module, name: 'default' });
  const nb = c.namedBindings;
  if (nb && ts.isNamespaceImport(nb)) out.push({ local: nb.name.text, module, name: '*' });
  if (nb && ts.isNamedImports(nb))
    for (const el of nb.elements) out.push({ local: el.name.text, module, name: (el.propertyName ?? el.name).text });
}

/** `const x = require('m')`, `const { a, b: c } = require('m')`, `import x = require('m')`. */
export function collectRequire(node: ts.VariableDeclaration, out: ImportFact[]): void {
  const init = node.initializer && unwrap(node.initializer);
  if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') return;
  const arg = init.arguments[0];
  if (!arg || !ts.isStringLiteralLike(arg)) return;
  const module = arg.text;
  if (ts.isIdentifier(node.name)) out.push({ local: node.name.text, module, name: '*' });
  else if (ts.isObjectBindingPattern(node.name))
    for (const el of node.name.elements) {
      if (!ts.isIdentifier(el.name)) continue;
      const imported = propertyNameText(el.propertyName) ?? el.name.text;
      out.push({ local: el.name.text, module, name: imported });
    }
}


/**
 * Finds the declaration `id` refers to by walking up the enclosing blocks, functions and the file.
 * `imports` is the file's import table (so the lookup needs no second pass over the file).
 */
export function declarationOf(id: ts.Identifier, imports: readonly ImportFact[]): Decl | undefined {
  const name = id.text;
  for (let p: ts.Node | undefined = id.parent; p; p = p.parent) {
    switch (p.kind) {
      case ts.SyntaxKind.SourceFile: {
        const d = blockDeclarations(p as ts.SourceFile, imports).get(name);
        if (d) return d;
        const imp = findLast(imports, (i) => i.local === name);
        return imp ? { t: 'import', imp } : undefined;
      }
      case ts.SyntaxKind.Block:
      case ts.SyntaxKind.ModuleBlock:
      case ts.SyntaxKind.CaseClause:
      case ts.SyntaxKind.DefaultClause: {
        const d = blockDeclarations(p as StatementContainer, imports).get(name);
        if (d) return d;
        break;
      }
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.ForStatement: {
        const init = (p as ts.ForStatement).initializer;
        if (init && ts.isVariableDeclarationList(init))
          for (const d of init.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return { t: 'var', node: d };
        break;
      }
      default:
        if (isFunctionLike(p)) {
          const i = p.parameters.findIndex((prm) => ts.isIdentifier(prm.name) && prm.name.text === name);
          if (i >= 0) return { t: 'param', node: p.parameters[i], index: i, fn: p };
        }
    }
  }
  return undefined;
}

/**
 * Pattern: function f({ cache, store: kv }: Deps) — the destructured parameter property a name is
 * bound to, for a name declarationOf leaves alone (it does not resolve destructured parameters:
 * key building inlines them by name). Top-level properties only.
 */
export function paramPropertyOf(id: ts.Identifier): { node: ts.ParameterDeclaration; prop: string } | undefined {
  for (let p: ts.Node | undefined = id.parent; p; p = p.parent) {
    if (!isFunctionLike(p)) continue;
    for (const prm of p.parameters) {
      if (!ts.isObjectBindingPattern(prm.name)) continue;
      for (const el of prm.name.elements) {
        if (!ts.isIdentifier(el.name) || el.name.text !== id.text || el.dotDotDotToken) continue;
        const prop = el.propertyName ? propertyNameText(el.propertyName) : id.text;
        return prop === undefined ? undefined : { node: prm, prop };
      }
    }
  }
  return undefined;
}

type StatementContainer = ts.Block | ts.SourceFile | ts.ModuleBlock | ts.CaseClause | ts.DefaultClause;

/**
 * Each block's declarations, indexed once per block: lookups stay linear in a file's size. For one
 * extraction only (syntax/tree-memo.ts says why).
 */
const blockIndex = treeMemo<ts.Node, Map<string, Decl>>();

function blockDeclarations(block: StatementContainer, imports: readonly ImportFact[]): Map<string, Decl> {
  let m = blockIndex.get(block);
  if (m) return m;
  m = new Map();
  for (const s of block.statements) {
    if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) {
          // Pattern: const { a, b: c } = require('m') — bindings like imports (collectRequire)
          const req = ts.isSourceFile(block) && !!d.initializer && /^\s*require\s*\(/.test(d.initializer.getText());
          for (const n of boundNames(d.name)) {
            if (m.has(n)) continue;
            const imp = req ? findLast(imports, (i) => i.local === n) : undefined;
            m.set(n, imp ? { t: 'import', imp } : { t: 'binding', node: d });
          }
          continue;
        }
        if (m.has(d.name.text)) continue;
        // Pattern: const Redis = require('ioredis') — a binding like an import
        const imp = ts.isSourceFile(block) && d.initializer && /^\s*require\s*\(/.test(d.initializer.getText()) ? findLast(imports, (i) => i.local === (d.name as ts.Identifier).text) : undefined;
        m.set(d.name.text, imp ? { t: 'import', imp } : { t: 'var', node: d });
      }
    } else if (ts.isFunctionDeclaration(s) && s.name && !m.has(s.name.text)) m.set(s.name.text, { t: 'function', node: s });
    else if (ts.isClassDeclaration(s) && s.name && !m.has(s.name.text)) m.set(s.name.text, { t: 'class', node: s });
    else if (ts.isEnumDeclaration(s) && !m.has(s.name.text)) m.set(s.name.text, { t: 'enum', node: s });
  }
  blockIndex.set(block, m);
  return m;
}

/** The names a destructuring pattern binds. */
function boundNames(n: ts.BindingName): string[] {
  if (ts.isIdentifier(n)) return [n.text];
  const out: string[] = [];
  for (const el of n.elements) if (!ts.isOmittedExpression(el)) out.push(...boundNames(el.name));
  return out;
}

function findLast<T>(xs: readonly T[], f: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return xs[i];
  return undefined;
}

/** The name of a type reference (`Redis`, `Repository<Product>` → `Repository`, `ns.Cache` → `ns.Cache`). */
export function typeRefName(t: ts.TypeNode | undefined): { name: string; args: ts.TypeNode[] } | undefined {
  if (!t) return undefined;
  if (ts.isTypeReferenceNode(t)) {
    const n = ts.isIdentifier(t.typeName) ? t.typeName.text : `${entityNameText(t.typeName.left)}.${t.typeName.right.text}`;
    return { name: n, args: [...(t.typeArguments ?? [])] };
  }
  // Pattern: interface AppRedis extends Omit<RedisClientType, 'get'> (a heritage clause's type)
  if (ts.isExpressionWithTypeArguments(t)) {
    const name = expressionNameText(t.expression);
    return name === undefined ? undefined : { name, args: [...(t.typeArguments ?? [])] };
  }
  if (ts.isUnionTypeNode(t)) {
    // `Redis | undefined`, `Cache | null`
    const real = t.types.filter((x) => x.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(x) && x.literal.kind === ts.SyntaxKind.NullKeyword));
    if (real.length === 1) return typeRefName(real[0]);
  }
  return undefined;
}

/** `Redis` or `ioredis.Redis` as written in an `extends` clause; undefined for other expressions. */
function expressionNameText(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  const left = expressionNameText(e.expression);
  return left === undefined ? undefined : `${left}.${e.name.text}`;
}

function entityNameText(n: ts.EntityName): string {
  return ts.isIdentifier(n) ? n.text : `${entityNameText(n.left)}.${n.right.text}`;
}

/** Decorator calls on a node: `@InjectRedis()` → [{ name: 'InjectRedis', args }]. */
export function decoratorsOf(n: ts.Node): { name: string; args: readonly ts.Expression[] }[] {
  const ds = ts.canHaveDecorators(n) ? ts.getDecorators(n) ?? [] : [];
  const out: { name: string; args: readonly ts.Expression[] }[] = [];
  for (const d of ds) {
    const e = d.expression;
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) out.push({ name: e.expression.text, args: e.arguments });
    else if (ts.isIdentifier(e)) out.push({ name: e.text, args: [] });
  }
  return out;
}

/** The statement that contains `n` directly inside a block (where a fix can insert a line after). */
export function enclosingStatement(n: ts.Node): ts.Statement | undefined {
  for (let p: ts.Node | undefined = n; p && p.parent; p = p.parent) {
    if (ts.isBlock(p.parent) || ts.isSourceFile(p.parent) || ts.isCaseClause(p.parent) || ts.isDefaultClause(p.parent) || ts.isModuleBlock(p.parent))
      return p as ts.Statement;
    if (isFunctionLike(p)) return undefined;
  }
  return undefined;
}

/** Leading whitespace of the line `pos` is on. */
export function indentAt(text: string, pos: number): string {
  let s = pos;
  while (s > 0 && text[s - 1] !== '\n') s--;
  let e = s;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return text.slice(s, e);
}

/** `const x = …` (not `let` or `var`). */
export function isConstDeclaration(d: ts.VariableDeclaration): boolean {
  return !!d.parent && ts.isVariableDeclarationList(d.parent) && (d.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The statements that run before `node` in the blocks around it, up to the function `fn` (innermost block first). */
export function* statementsBefore(node: ts.Node, fn: ts.Node): Generator<ts.Statement> {
  for (let child: ts.Node = node, n = node.parent; n && n !== fn; child = n, n = n.parent) {
    if (!ts.isBlock(n)) continue;
    for (const st of n.statements) {
      if (st === child) break;
      yield st;
    }
  }
}

/** The name a call is made by: `f` of `f(x)`, `get` of `redis.get(k)` (undefined for `(a || b)(x)`). */
export function calleeName(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  return ts.isIdentifier(callee) ? callee.text : memberName(callee);
}

/**
 * The names of an object literal's plain properties, lower-cased (`{ id: row.id, githubId }` →
 * `id`, `githubid`): what a value built from it holds. Undefined for anything else, or a literal
 * with a spread, a method or a computed name.
 */
export function plainPropNames(e: ts.Expression): string[] | undefined {
  if (!ts.isObjectLiteralExpression(e)) return undefined;
  const out: string[] = [];
  for (const p of e.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) return undefined;
    const n = propertyNameText(p.name);
    if (n === undefined) return undefined;
    out.push(n.toLowerCase());
  }
  return out;
}

/**
 * `Array.isArray(k) ? k : [k]` (either way round), one key or a list of them: `k`. Undefined for
 * any other conditional.
 */
export function oneOrList(e: Pick<ts.ConditionalExpression, 'condition' | 'whenTrue' | 'whenFalse'>): ts.Identifier | undefined {
  const k = arrayTested(e.condition);
  if (!k) return undefined;
  const same = (x: ts.Expression) => {
    const u = unwrap(x);
    return ts.isIdentifier(u) && u.text === k.text;
  };
  const wrapped = (x: ts.Expression) => {
    const a = unwrap(x);
    return ts.isArrayLiteralExpression(a) && a.elements.length === 1 && same(a.elements[0]);
  };
  return (same(e.whenTrue) && wrapped(e.whenFalse)) || (wrapped(e.whenTrue) && same(e.whenFalse)) ? k : undefined;
}

/**
 * The value an object literal gives property `name` (the last one wins; a spread after it may
 * override it, so then nothing is known): `{ key: k }` → `k`, `{ key }` → `key`.
 */
export function objectPropertyValue(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (ts.isSpreadAssignment(p)) return undefined;
    if (propertyNameText(p.name) !== name) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
    return undefined;
  }
  return undefined;
}

/** The call (or `new`) that takes `fn` as its first argument: `pool.execute((c) => …)`, `new Promise((resolve) => …)`. */
export function takenFirstBy(fn: ts.Node): ts.CallExpression | ts.NewExpression | undefined {
  let at: ts.Node = fn;
  while (at.parent && ts.isParenthesizedExpression(at.parent)) at = at.parent;
  const call = at.parent;
  return call && (ts.isCallExpression(call) || ts.isNewExpression(call)) && call.arguments?.[0] === at ? call : undefined;
}

/** The names a destructuring binds, with the property each takes: `{ get: getTeam, del }` → [getTeam, get], [del, del] (no rest element). */
export function boundMembers(pattern: ts.ObjectBindingPattern): [string, string][] {
  const out: [string, string][] = [];
  for (const el of pattern.elements) {
    if (el.dotDotDotToken || !ts.isIdentifier(el.name)) continue;
    const member = el.propertyName ? propertyNameText(el.propertyName) : el.name.text;
    if (member !== undefined) out.push([el.name.text, member]);
  }
  return out;
}

/** The property the destructuring binds to `local`, if it binds it. */
export function boundMember(pattern: ts.ObjectBindingPattern, local: string): string | undefined {
  return boundMembers(pattern).find(([l]) => l === local)?.[1];
}

/** `Array.isArray(k)`: the name k. */
export function arrayTested(cond: ts.Expression): ts.Identifier | undefined {
  const c = unwrap(cond);
  const callee = ts.isCallExpression(c) ? unwrap(c.expression) : undefined;
  if (!callee || !ts.isPropertyAccessExpression(callee) || callee.name.text !== 'isArray' || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Array') return undefined;
  const k = (c as ts.CallExpression).arguments.length === 1 ? unwrap((c as ts.CallExpression).arguments[0]) : undefined;
  return k && ts.isIdentifier(k) ? k : undefined;
}

/**
 * A key normaliser taking one key or a list of its parts, joined: `let k = ''; if (Array.isArray(key))
 * k = key.join('_'); else k = key; return k` (the statement form; the expression form
 * `Array.isArray(key) ? key.join('_') : key` is read where expressions are). Its parameter and separator.
 */
export function listJoiningParam(fn: ts.FunctionLikeDeclaration): { param: ts.ParameterDeclaration; sep: string } | undefined {
  if (!fn.body || !ts.isBlock(fn.body)) return undefined;
  for (const st of fn.body.statements) {
    if (!ts.isIfStatement(st)) continue;
    const k = arrayTested(st.expression);
    const param = k && fn.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === k.text);
    if (!k || !param) continue;
    let sep: string | undefined;
    const visit = (n: ts.Node): void => {
      if (sep !== undefined || isFunctionLike(n)) return;
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'join' && ts.isIdentifier(unwrap(n.expression.expression))) {
        const recv = unwrap(n.expression.expression) as ts.Identifier;
        const a = n.arguments.length === 1 ? unwrap(n.arguments[0]) : undefined;
        if (recv.text === k.text && a && ts.isStringLiteralLike(a)) sep = a.text;
      }
      ts.forEachChild(n, visit);
    };
    visit(st.thenStatement);
    if (sep !== undefined) return { param, sep };
  }
  return undefined;
}

/** Whether identifier `name` occurs anywhere in `n` (nested functions included). */
export function mentionsName(n: ts.Node, name: string): boolean {
  if (ts.isIdentifier(n)) return n.text === name;
  return !!ts.forEachChild(n, (c) => (mentionsName(c, name) ? true : undefined));
}
