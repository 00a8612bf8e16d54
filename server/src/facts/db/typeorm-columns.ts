// The fields a TypeORM repository read depends on (Hit.columns): the ones its `select` picks and
// the ones its `where` filters on, as Prisma's (prisma-columns.ts). Undefined when the read returns
// whole rows (no `select`, or `relations` beside it) or either part is built at run time.
import { ts } from 'ts-morph';
import type { Link } from './common';
import type { FileCtx } from '../context';
import { propertyNameText, unwrap } from '../../syntax/scope';
import { addFilterFields } from './filter-fields';
import { addSelected } from './prisma-columns';

/** Reads taking find options: `find({ where, select })`, `findOne(…)`, `findAndCount(…)`. */
const FINDS = new Set(['find', 'findOne', 'findAndCount', 'findOneOrFail']);
const NO_COMBINERS: ReadonlySet<string> = new Set();

/** The fields the TypeORM read at `link` depends on, or undefined when they cannot all be read. */
export function typeormReadColumns(link: Link, ctx: FileCtx): string[] | undefined {
  if (!FINDS.has(link.name ?? '')) return undefined;
  const a = link.args[0] && unwrap(link.args[0]);
  if (!a || !ts.isObjectLiteralExpression(a)) return undefined;
  if (a.properties.some((p) => !ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p))) return undefined;
  const prop = (n: string) => a.properties.find((p) => p.name && propertyNameText(p.name) === n);
  const select = prop('select');
  if (!select || prop('relations') || !ts.isPropertyAssignment(select)) return undefined;
  const out = new Set<string>();
  // Pattern: find({ where: { followerId: key }, select: ['followeeId', 'withReplies'] })
  const where = prop('where');
  if (where && !addFilterFields(ts.isPropertyAssignment(where) ? where.initializer : (where as ts.ShorthandPropertyAssignment).name, out, NO_COMBINERS, ctx)) return undefined;
  const s = unwrap(select.initializer);
  if (ts.isArrayLiteralExpression(s) && s.elements.length > 0) {
    for (const x of s.elements) {
      const e = unwrap(x);
      if (!ts.isStringLiteralLike(e)) return undefined;
      out.add(e.text);
    }
    return [...out].sort();
  }
  // Pattern: select: { id: true, name: true } — a nested object picks a relation's columns
  return addSelected(s, out) ? [...out].sort() : undefined;
}
