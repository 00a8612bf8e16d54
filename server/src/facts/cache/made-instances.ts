// Instances of what a project function makes (syntax/made-closures.ts): a top-level
// `const getTeam = cached('team', 600, loadTeam)` is kept as a binding of its own, with the literal
// arguments (they fill the maker's key holes) and what its function arguments load (a closure that
// calls its loader on a miss caches that loader's rows). Whether `cached` makes cache closures at
// all only the linker can tell, from the maker's file.
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { declarationOf, isFunctionLike, unwrap } from '../../syntax/scope';
import { returnedOf } from '../../syntax/made-closures';
import { isProjectModule } from './clients';
import { valueSource } from '../flow/value-sources';
import type { ExportValue, SourceCall } from '../types';

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
  for (const r of returnedOf(u)) valueSource(r, ctx, 0, entities, calls);
  if (entities.size > 0) return { entities: [...entities] };
  const own = calls.filter((c) => !('call' in c) && !('param' in c) && !('made' in c) && !('ctor' in c));
  return own.length > 0 ? { calls: own } : undefined;
}

/** `cached('team', 600, loadTeam)` as an instance binding; undefined when the callee is no project function. */
export function madeValue(e: ts.Expression, ctx: FileCtx): Made | undefined {
  const u = unwrap(e);
  if (!ts.isCallExpression(u) || u.arguments.some(ts.isSpreadElement)) return undefined;
  const by = projectFunctionOf(u.expression, ctx);
  if (!by) return undefined;
  const args = u.arguments.map((a) => {
    const x = unwrap(a);
    return ts.isStringLiteralLike(x) || ts.isNumericLiteral(x) ? x.text : null;
  });
  let loaders: Made['loaders'];
  u.arguments.forEach((a, i) => {
    if (args[i] !== null) return;
    const l = loaderOf(a, ctx);
    if (l) (loaders ??= {})[i] = l;
  });
  return { t: 'made', by, args, ...(loaders ? { loaders } : {}) };
}

/** `getTeam` of `getTeam(id)` / `getTeam.clear(id)`, a top-level const holding a project function's result. */
export function isMadeInstance(id: ts.Identifier, ctx: FileCtx): boolean {
  const d = declarationOf(id, ctx.facts.imports);
  if (d?.t !== 'var' || !d.node.initializer) return false;
  const stmt = d.node.parent?.parent;
  if (!stmt || !ts.isVariableStatement(stmt) || !ts.isSourceFile(stmt.parent)) return false;
  const init = unwrap(d.node.initializer);
  return ts.isCallExpression(init) && !!projectFunctionOf(init.expression, ctx);
}
