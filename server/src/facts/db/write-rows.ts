// Which row a database write targets, as the code names it: `where: { id }` (Prisma, Sequelize,
// TypeORM find options), `repo.update(dto.id, …)` / `repo.delete(id)` (TypeORM), `findByIdAndUpdate(id, …)`
// (Mongoose), `updateOne({ _id: id })`, `knex('t').where({ id }).update(…)`. The fix of
// missing-invalidation builds the row's cache key from this expression.
import { ts } from 'ts-morph';
import { propertyNameText, unwrap } from '../../syntax/scope';
import type { DbWrite } from '../types';

/** Fields that identify a row. */
const ID_FIELD = /^(_?id|[a-z]\w*Id|[a-z]\w*_id|uuid|slug|key|code|email|name)$/;

/** `{ id }` / `{ id: x }` / `{ where: { id: x } }` → the identifying property. */
function fromObject(o: ts.ObjectLiteralExpression, sf: ts.SourceFile, depth = 0): DbWrite['row'] {
  for (const p of o.properties) {
    const name = propertyNameText(p.name);
    if (!name) continue;
    if ((name === 'where' || name === 'filter') && ts.isPropertyAssignment(p) && depth < 2) {
      const inner = unwrap(p.initializer);
      if (ts.isObjectLiteralExpression(inner)) return fromObject(inner, sf, depth + 1);
    }
    if (!ID_FIELD.test(name)) continue;
    if (ts.isShorthandPropertyAssignment(p)) return { field: name, text: name };
    if (ts.isPropertyAssignment(p)) {
      const v = unwrap(p.initializer);
      if (ts.isIdentifier(v) || ts.isPropertyAccessExpression(v) || ts.isStringLiteralLike(v) || ts.isNumericLiteral(v)) return { field: name, text: v.getText(sf) };
    }
  }
  return undefined;
}

/** The row the write chain ending in `top` targets, looking at each link's arguments. */
export function writtenRow(links: readonly { args: readonly ts.Expression[]; name?: string }[], sf: ts.SourceFile): DbWrite['row'] {
  for (let i = links.length - 1; i >= 0; i--) {
    const { args, name } = links[i];
    for (const a of args) {
      const e = unwrap(a);
      if (ts.isObjectLiteralExpression(e)) {
        const r = fromObject(e, sf);
        if (r) return r;
      }
    }
    // Pattern: repo.update(id, dto) / repo.delete(id) / Model.findByIdAndUpdate(id, …)
    const first = args[0] && unwrap(args[0]);
    if (first && name && /^(update|delete|softDelete|remove|destroy|findByIdAnd\w+|restore|increment|decrement)$/.test(name)) {
      if (ts.isIdentifier(first) && /id$/i.test(first.text)) return { text: first.text };
      if (ts.isPropertyAccessExpression(first) && /id$/i.test(first.name.text)) return { field: first.name.text, text: first.getText(sf) };
    }
  }
  return undefined;
}
