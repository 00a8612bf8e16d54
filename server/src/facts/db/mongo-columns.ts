// The fields a Mongoose or MongoDB read depends on, as raw SQL's SELECT list gives them (Hit.columns):
// its filter's fields and its projection (`.select('_id name icon')`, `find(q, { name: 1 })`). A
// count depends on its filter only. A value cached from the read holds no other field, so an update
// of other fields leaves it right (missing-invalidation). Unknown (undefined) when the read returns
// whole documents or either part is built at run time.
import { ts } from 'ts-morph';
import type { Link } from './common';
import type { FileCtx } from '../context';
import { propertyNameText, unwrap } from '../../syntax/scope';
import { addFilterFields, constObjectLiteral } from './filter-fields';

/** Reads whose result is a number or a yes/no about the documents their filter matches. */
const COUNTS = new Set(['countDocuments', 'count', 'exists', 'estimatedDocumentCount']);
/** Reads returning documents, with an optional projection as the second argument. */
const FINDS = new Set(['find', 'findOne', 'findById']);
/** Query operators that combine filters: their operands are filters too. */
const COMBINERS = new Set(['$and', '$or', '$nor']);

/** The fields the read at `links[i]` depends on, or undefined when they cannot all be read. */
export function mongoReadColumns(links: readonly Link[], i: number, ctx: FileCtx): string[] | undefined {
  const verb = links[i].name ?? '';
  const args = links[i].args;
  const out = new Set<string>();
  if (verb === 'findById') out.add('_id');
  // Pattern: countDocuments(filter) with a filter built at run time: a number no field of a row is
  // copied into (only what the filter names could change it, and that is not known)
  else if (verb !== 'estimatedDocumentCount' && args[0] && !addFilterFields(args[0], out, COMBINERS, ctx)) return COUNTS.has(verb) ? [] : undefined;
  if (COUNTS.has(verb)) return [...out].sort();
  if (!FINDS.has(verb)) return undefined;
  // Pattern: Source.find(q).select('_id name icon').lean() / Source.find(q, { name: 1, icon: 1 })
  const select = links.slice(i + 1).find((l) => l.name === 'select');
  const projection = select?.args[0] ?? args[1];
  if (!projection || !addProjection(projection, out, ctx)) return undefined;
  return [...out].sort();
}

/** An inclusion projection's fields: `'a b +c'` or `{ a: 1, b: true }`. An exclusion keeps every other field. */
function addProjection(e0: ts.Expression, out: Set<string>, ctx: FileCtx): boolean {
  const e = unwrap(e0);
  if (ts.isStringLiteralLike(e)) {
    const names = e.text.split(/\s+/).filter(Boolean);
    if (names.length === 0 || names.some((n) => n.startsWith('-'))) return false;
    for (const n of names) out.add(n.replace(/^\+/, ''));
    return true;
  }
  const o = constObjectLiteral(e, ctx);
  if (!o || o.properties.length === 0) return false;
  for (const p of o.properties) {
    if (!ts.isPropertyAssignment(p)) return false;
    const name = propertyNameText(p.name);
    const v = unwrap(p.initializer);
    const included = (ts.isNumericLiteral(v) && v.text !== '0') || v.kind === ts.SyntaxKind.TrueKeyword;
    if (name === undefined || !included) return false;
    out.add(name);
  }
  return true;
}
