// Where a client value comes from when it is not built right where it is used: a member of a
// const object (`cache.client`), the result of a getter (`getRedis()`, `this.getClient()`), or a
// `let` assigned later (`let redis = null; … redis = new Redis(url)`). Each answer is what every
// source agrees on; one source that is not a client makes the answer unknown (undefined).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { isNullish, returnExprOf, returnExprsOf, stripFreeze } from '../../syntax/local-values';
import { declarationOf, isConstDeclaration, memberName, propertyNameText, unwrap } from '../../syntax/scope';
import { assignmentsIn } from '../../syntax/scope-writes';
import type { ClientRef } from '../types';

export type ClientOf = (e: ts.Expression, ctx: FileCtx, depth: number) => ClientRef | undefined;

/** A client, or a project value that may wrap one: what the sources of a value may agree on. */
function isClient(c: ClientRef | undefined): c is ClientRef {
  return !!c && c.t !== 'unknown' && c.t !== 'fn';
}

/** `const x = { … }` (frozen or `as const`), or a member of one that is itself an object literal. */
function objectLiteralOf(e: ts.Expression, ctx: FileCtx, depth: number): ts.ObjectLiteralExpression | undefined {
  if (depth > 8) return undefined;
  const u = unwrap(e);
  if (ts.isObjectLiteralExpression(u)) return u;
  if (ts.isIdentifier(u)) {
    const d = declarationOf(u, ctx.facts.imports);
    if (d?.t !== 'var' || !d.node.initializer || !isConstDeclaration(d.node)) return undefined;
    const init = stripFreeze(d.node.initializer);
    return ts.isObjectLiteralExpression(init) ? init : undefined;
  }
  if (ts.isPropertyAccessExpression(u) || ts.isElementAccessExpression(u)) {
    const name = memberName(u);
    const obj = name === undefined ? undefined : objectLiteralOf(u.expression, ctx, depth + 1);
    const p = obj && propertyOf(obj, name!);
    if (p && ts.isPropertyAssignment(p)) {
      const init = stripFreeze(p.initializer);
      return ts.isObjectLiteralExpression(init) ? init : undefined;
    }
  }
  return undefined;
}

/** The property `name` of an object literal: the last definition wins; a spread after it may override it. */
function propertyOf(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  for (let i = obj.properties.length - 1; i >= 0; i--) {
    const p = obj.properties[i];
    if (ts.isSpreadAssignment(p)) return undefined;
    if (propertyNameText(p.name) === name) return p;
  }
  return undefined;
}

/** The value expression of an object literal property (`client: redis`, `client`). */
export function propertyValue(p: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  if (ts.isPropertyAssignment(p)) return p.initializer;
  if (ts.isShorthandPropertyAssignment(p)) return p.name;
  return undefined;
}

/** Pattern: const cache = { client: new Redis() }; cache.client.set(…) */
export function objectMemberClient(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, ctx: FileCtx, depth: number, clientOf: ClientOf): ClientRef | undefined {
  const name = memberName(e);
  const obj = name === undefined ? undefined : objectLiteralOf(e.expression, ctx, depth + 1);
  const p = obj && propertyOf(obj, name!);
  const v = p && propertyValue(p);
  return v ? clientOf(v, ctx, depth + 1) : undefined;
}

/**
 * What a getter returns: its declared return type (`getClient(): Redis`, `Promise<Redis>`) or
 * its single returned expression (`return redis`). Only a client of a library, or one imported
 * or inherited: any function returning a project value (`makeView(): ViewDeclaration`) would
 * otherwise pass for a getter of a wrapper, and every call on its result for a cache call.
 */
export function returnedClient(fn: ts.FunctionLikeDeclaration, ctx: FileCtx, depth: number, clientOf: ClientOf, fromType: (t: ts.TypeNode | undefined) => ClientRef | undefined): ClientRef | undefined {
  let type = fn.type;
  if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Promise') type = type.typeArguments?.[0];
  const declared = fromType(type);
  const r = returnExprOf(fn, { orNull: true });
  // Pattern: let c: Cache | undefined; function getCache() { if (!c) c = new Cache('lookup', redis); return c }
  const lazy = r && lazyInstance(r, ctx, depth, clientOf);
  if (lazy) return lazy;
  if (declared) return clientLike(declared);
  if (r) return clientLike(clientOf(r, ctx, depth + 1));
  // Pattern: async function getClient() { if (_client) return _client; const c = new Redis(url); _client = c; return c }
  const all = returnExprsOf(fn, { orNull: true });
  if (!all || all.length < 2 || all.length > 4) return undefined;
  const found = all.map((x) => clientOf(x, ctx, depth + 1));
  const first = found[0];
  return first?.t === 'lib' && found.every((c) => c?.t === 'lib' && c.lib === first.lib) ? { t: 'lib', lib: first.lib } : undefined;
}

/**
 * A lazily built singleton: a module-level `let` that every assignment sets to `new X(…)` of one
 * project class (the same arguments each time). Unlike any project value a function may return,
 * it is an instance the getter's callers all share, built with visible constructor arguments.
 */
function lazyInstance(r: ts.Expression, ctx: FileCtx, depth: number, clientOf: ClientOf): ClientRef | undefined {
  const u = unwrap(r);
  if (!ts.isIdentifier(u)) return undefined;
  const d = declarationOf(u, ctx.facts.imports);
  if (d?.t !== 'var' || !d.node.parent?.parent || !ts.isSourceFile(d.node.parent.parent.parent)) return undefined;
  const c = laterAssignedClient(d.node, ctx, depth + 1, clientOf, (e) => ts.isNewExpression(unwrap(e)));
  return c && (c.t === 'type' || c.t === 'class') && c.ctorArgs ? c : undefined;
}

function clientLike(c: ClientRef | undefined): ClientRef | undefined {
  if (c?.t === 'lib' || (c?.t === 'import' && !c.called) || (c?.t === 'member' && 'local' in c.of)) return c;
  return undefined;
}


/**
 * Pattern: let redis = null; … try { redis = new Redis(url) } catch {}  /  let c; if (url) c = createClient()
 * A `let` (or `var`) declared empty or null is what every later assignment to it gives, when they
 * all give the same kind of client; an assignment of anything else makes it unknown.
 */
export function laterAssignedClient(
  decl: ts.VariableDeclaration,
  ctx: FileCtx,
  depth: number,
  clientOf: ClientOf,
  /** every assigned value must pass this (`new X(…)` only, for a lazy singleton) */
  accept: (e: ts.Expression) => boolean = () => true,
): ClientRef | undefined {
  if (isConstDeclaration(decl) || (decl.initializer && !isNullish(decl.initializer)) || !ts.isIdentifier(decl.name)) return undefined;
  const scope = decl.parent?.parent?.parent;
  if (!scope) return undefined;
  let found: ClientRef | undefined;
  for (const { left, right } of assignmentsIn(scope).get(decl.name.text) ?? []) {
    const d = declarationOf(left, ctx.facts.imports);
    if (d?.t !== 'var' || d.node !== decl || isNullish(right)) continue;
    if (!accept(right)) return undefined;
    const c = clientOf(right, ctx, depth + 1);
    if (!isClient(c)) return undefined;
    if (!found) found = c;
    else if (found.t === 'lib' && c.t === 'lib' && found.lib === c.lib) {
      // two stores of one library with different defaults: whether a write expires is unknown
      if (found.defaultTtl !== c.defaultTtl) found = { ...found, defaultTtl: undefined };
      if (found.defaultTtlValue !== c.defaultTtlValue) found = { ...found, defaultTtlValue: undefined };
    } else if (JSON.stringify(found) !== JSON.stringify(c)) return undefined;
  }
  return found;
}
