// The fields a Prisma read depends on (Hit.columns): the ones its `select` picks and the ones its
// `where` filters on. A count or an aggregate depends on its filter only. Undefined when the read
// returns whole rows (no `select`, or an `include` beside it) or either part is built at run time.
import { ts } from 'ts-morph';
import type { Link } from './common';
import { propertyNameText, unwrap } from '../../syntax/scope';

/** Reads whose result is a number about the rows their filter matches (an aggregate also depends on what it sums). */
const COUNTS = new Set(['count']);
/** Filters that combine filters. */
const COMBINERS = new Set(['AND', 'OR', 'NOT']);

/** The fields the Prisma read at `link` depends on, or undefined when they cannot all be read. */
export function prismaReadColumns(link: Link): string[] | undefined {
  const verb = link.name ?? '';
  const a = link.args[0] && unwrap(link.args[0]);
  const out = new Set<string>();
  if (!a) return COUNTS.has(verb) ? [] : undefined;
  if (!ts.isObjectLiteralExpression(a)) return undefined;
  const prop = (n: string) => a.properties.find((p) => p.name && propertyNameText(p.name) === n);
  if (a.properties.some((p) => !ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p))) return undefined;
  const where = prop('where');
  if (where && !(ts.isPropertyAssignment(where) && addWhere(unwrap(where.initializer), out, 0))) return undefined;
  if (COUNTS.has(verb)) return [...out].sort();
  const select = prop('select');
  if (!select || prop('include') || !ts.isPropertyAssignment(select)) return undefined;
  const s = unwrap(select.initializer);
  if (!ts.isObjectLiteralExpression(s) || s.properties.length === 0) return undefined;
  for (const p of s.properties) {
    const name = ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) ? propertyNameText(p.name) : undefined;
    if (name === undefined) return undefined;
    // `{ posts: { select: … } }` picks a relation: rows of another table, named by the relation
    out.add(name);
  }
  return [...out].sort();
}

function addWhere(e: ts.Expression, out: Set<string>, depth: number): boolean {
  if (depth > 3) return false;
  if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => addWhere(unwrap(x), out, depth + 1));
  if (!ts.isObjectLiteralExpression(e)) return false;
  for (const p of e.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) return false;
    const name = propertyNameText(p.name);
    if (name === undefined) return false;
    if (COMBINERS.has(name)) {
      if (!ts.isPropertyAssignment(p) || !addWhere(unwrap(p.initializer), out, depth + 1)) return false;
    } else out.add(name);
  }
  return true;
}
