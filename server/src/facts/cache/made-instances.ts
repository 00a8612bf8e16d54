// Instances of what a project function makes (syntax/made-closures.ts): a top-level
// `const getTeam = cached('team', 600, loadTeam)` is kept as a binding of its own, with the literal
// arguments (they fill the maker's key holes) and what its function arguments load (a closure that
// calls its loader on a miss caches that loader's rows). Whether `cached` makes cache closures at
// all only the linker can tell, from the maker's file.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { boundMember, declarationOf, isFunctionLike, propertyNameText, unwrap } from '../../syntax/scope';
import { returnedOf } from '../../syntax/made-closures';
import { isProjectModule } from './clients';
import { valueSource, type ReadColumns } from '../flow/value-sources';
import { rowFieldOf } from '../db/row-field';
import { isNullish } from '../../syntax/local-values';
import type { ExportValue, InstanceLoaders, SourceCall } from '../types';

type Made = Extract<ExportValue, { t: 'made' }>;

/** The project function an identifier names: a function of this file, or one imported from a project module. */
export function projectFunctionOf(callee: ts.Expression, ctx: FileCtx): Made['by'] | undefined {
  const c = unwrap(callee);
  if (!ts.isIdentifier(c)) return undefined;
  const d = declarationOf(c, ctx.facts.imports);
  if (d?.t === 'function') return { local: c.text };
  if (d?.t === 'var' && d.node.initializer && isFunctionLike(unwrap(d.node.initializer))) return { local: c.text };
  if (d?.t === 'import' && isProjectModule(d.imp.module, ctx)) return { ref: { module: d.imp.module, name: d.imp.name } };
  return undefined;
}

/** What a function argument loads: an arrow's reads (`(id) => prisma.team.findUnique(…)`), or the function it names. */
export function loaderOf(a: ts.Expression | ts.MethodDeclaration, ctx: FileCtx): { entities?: string[]; calls?: SourceCall[] } | undefined {
  const u = ts.isMethodDeclaration(a) ? a : unwrap(a);
  if (ts.isIdentifier(u)) {
    const by = projectFunctionOf(u, ctx);
    return by ? { calls: ['local' in by ? { local: by.local } : { ref: by.ref }] } : undefined;
  }
  if (!isFunctionLike(u)) return undefined;
  const entities = new Set<string>();
  const calls: SourceCall[] = [];
  const returned = returnedOf(u);
  const columns: ReadColumns = { names: new Set(), open: false };
  for (const r of returned) valueSource(r, ctx, 0, entities, calls, columns);
  if (entities.size > 0) {
    const holds = oneColumnOf(returned, ctx);
    return { entities: [...entities], ...(holds ? { holds: [holds] } : {}), ...(columns.by ? { by: columns.by } : {}) };
  }
  const own = calls.filter((c) => !('call' in c) && !('param' in c) && !('made' in c) && !('ctor' in c) && !('new' in c));
  return own.length > 0 ? { calls: own } : undefined;
}

/**
 * Pattern: async (id) => { const ws = await prisma.workspace.findUnique(…); return ws?.settings ?? {} } —
 * a loader returning one column of the row it read (a literal stands in when there is no row).
 */
function oneColumnOf(returned: readonly ts.Expression[], ctx: FileCtx): string | undefined {
  const fields = new Set<string>();
  for (const r of returned) {
    let e = unwrap(r);
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken) && isLiteralValue(unwrap(e.right))) e = unwrap(e.left);
    if (isLiteralValue(e)) continue;
    const f = rowFieldOf(e, ctx);
    if (!f) return undefined;
    fields.add(f);
  }
  return fields.size === 1 ? [...fields][0] : undefined;
}

/** A value written out in place (`{}`, `[]`, `''`, `0`, `false`, `null`): no column of a row. */
function isLiteralValue(e: ts.Expression): boolean {
  return ts.isObjectLiteralExpression(e) || ts.isArrayLiteralExpression(e) || ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || isNullish(e);
}

/** `cached('team', 600, loadTeam)` as an instance binding; undefined when the callee is no project function. */
export function madeValue(e: ts.Expression, ctx: FileCtx): Made | undefined {
  const u = unwrap(e);
  if (!ts.isCallExpression(u) || u.arguments.some(ts.isSpreadElement)) return undefined;
  const by = projectFunctionOf(u.expression, ctx);
  if (!by) return undefined;
  const { args, loaders } = instanceArgs(u.arguments, ctx);
  return { t: 'made', by, args, ...(loaders ? { loaders } : {}) };
}

/**
 * What an instance is made or constructed with (`cached('team', 600, load)`, `new KVCache(redis,
 * 'user', { fetcher })`): the literal arguments (null: not a literal), for the key holes they fill,
 * and what its function arguments load, by index or `<index>.<property>` of an options object.
 */
export function instanceArgs(given: readonly ts.Expression[], ctx: FileCtx): { args: (string | null)[]; loaders?: InstanceLoaders } {
  let loaders: InstanceLoaders | undefined;
  const add = (at: string, l: ReturnType<typeof loaderOf>) => {
    if (l) (loaders ??= {})[at] = l;
  };
  const args = given.map((a, i) => {
    const u = unwrap(a);
    if (ts.isStringLiteralLike(u) || ts.isNumericLiteral(u)) return u.text;
    if (ts.isObjectLiteralExpression(u))
      for (const p of u.properties) {
        const name = propertyNameText(p.name);
        // Pattern: { fetcher: (key) => this.repo.findOneBy({ id: key }) } / { async fetcher(key) { … } }
        if (name !== undefined && (ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p))) add(`${i}.${name}`, loaderOf(ts.isMethodDeclaration(p) ? p : p.initializer, ctx));
      }
    else add(String(i), loaderOf(u, ctx));
    return null;
  });
  return { args, ...(loaders ? { loaders } : {}) };
}

/**
 * `getTeam` of `getTeam(id)` / `getTeam.clear(id)`, a top-level const holding a project function's
 * result, or one member of it (`const { get: getTeam } = cached('team', load)`).
 */
export function isMadeInstance(id: ts.Identifier, ctx: FileCtx): boolean {
  const d = declarationOf(id, ctx.facts.imports);
  if ((d?.t !== 'var' && d?.t !== 'binding') || !d.node.initializer) return false;
  const stmt = d.node.parent?.parent;
  if (!stmt || !ts.isVariableStatement(stmt) || !ts.isSourceFile(stmt.parent)) return false;
  if (d.t === 'binding' && !(ts.isObjectBindingPattern(d.node.name) && boundMember(d.node.name, id.text) !== undefined)) return false;
  const init = unwrap(d.node.initializer);
  return ts.isCallExpression(init) && !!projectFunctionOf(init.expression, ctx);
}
