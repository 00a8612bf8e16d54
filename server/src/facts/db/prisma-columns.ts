// The fields a Prisma read depends on (Hit.columns): the ones its `select` picks and the ones its
// `where` filters on. A count or an aggregate depends on its filter only. Undefined when the read
// returns whole rows (no `select`, or an `include` beside it) or either part is built at run time.
import { ts } from 'ts-morph';
import type { Link } from './common';
import type { FileCtx } from '../context';
import { propertyNameText, unwrap } from '../../syntax/scope';
import { addFilterFields } from './filter-fields';

/** Reads whose result is a number about the rows their filter matches (an aggregate also depends on what it sums). */
const COUNTS = new Set(['count']);
/** Filters that combine filters. */
const COMBINERS = new Set(['AND', 'OR', 'NOT']);

/** The fields the Prisma read at `link` depends on, or undefined when they cannot all be read. */
export function prismaReadColumns(link: Link, ctx: FileCtx): string[] | undefined {
  const verb = link.name ?? '';
  const a = link.args[0] && unwrap(link.args[0]);
  const out = new Set<string>();
  if (!a) return COUNTS.has(verb) ? [] : undefined;
  if (!ts.isObjectLiteralExpression(a)) return undefined;
  const prop = (n: string) => a.properties.find((p) => p.name && propertyNameText(p.name) === n);
  if (a.properties.some((p) => !ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p))) return undefined;
  const where = prop('where');
  // Pattern: findMany({ where: { domainVerified: true } }) / const where = {…}; findMany({ where })
  if (where && !addFilterFields(ts.isPropertyAssignment(where) ? where.initializer : (where as ts.ShorthandPropertyAssignment).name, out, COMBINERS, ctx)) return undefined;
  if (COUNTS.has(verb)) return [...out].sort();
  const select = prop('select');
  if (!select || prop('include') || !ts.isPropertyAssignment(select)) return undefined;
  // `{ posts: { select: … } }` picks a relation: rows of another table, named by the relation
  return addSelected(unwrap(select.initializer), out) ? [...out].sort() : undefined;
}

/** Adds the names a `select: { id: true, name: true }` object picks; false when one cannot be read. */
export function addSelected(s: ts.Expression, out: Set<string>): boolean {
  if (!ts.isObjectLiteralExpression(s) || s.properties.length === 0) return false;
  for (const p of s.properties) {
    const name = ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) ? propertyNameText(p.name) : undefined;
    if (name === undefined) return false;
    out.add(name);
  }
  return true;
}

/**
 * The relations a Prisma read includes, nested ones too (`include: { Room: { include: { RoomsUsers:
 * true } } }` → Room, RoomsUsers): the value holds rows of those tables as well. In an `include`,
 * `Room: true` is a relation; in a `select`, `name: true` is a column, and only a relation given
 * its own options (`posts: { where: … }`) is one.
 */
export function prismaIncludes(link: Link): string[] | undefined {
  const a = link.args[0] && unwrap(link.args[0]);
  if (!a || !ts.isObjectLiteralExpression(a)) return undefined;
  const out = new Set<string>();
  const visit = (o: ts.Expression, inInclude: boolean, depth: number): void => {
    const u = unwrap(o);
    if (depth > 4 || !ts.isObjectLiteralExpression(u)) return;
    for (const p of u.properties) {
      if (!ts.isPropertyAssignment(p)) continue;
      const name = propertyNameText(p.name);
      const v = unwrap(p.initializer);
      if (name === 'include' || name === 'select') visit(v, name === 'include', depth + 1);
      else if (name === undefined || name === 'where' || name === 'orderBy' || name === '_count') continue;
      else if (ts.isObjectLiteralExpression(v)) {
        out.add(name);
        visit(v, false, depth + 1);
      } else if (inInclude && v.kind === ts.SyntaxKind.TrueKeyword) out.add(name);
    }
  };
  visit(a, false, 0);
  return out.size > 0 ? [...out] : undefined;
}
