// One field of a row the code has just read: `data.configValue` after `const data = await
// repo.findOne(…)`, `user.role` after a find with the role relation. A value cached as such a field
// holds that column alone: a write of other columns leaves it right (missing-invalidation).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { unwrap } from '../../syntax/scope';
import { isLoadedRow, type Recognise } from './loaded-rows';

/** The field `e` takes of a row read in the same function, when that is what it is. */
export function rowFieldOf(e0: ts.Expression, ctx: FileCtx): string | undefined {
  const e = unwrap(e0);
  if (!ts.isPropertyAccessExpression(e) && !ts.isPropertyAccessChain(e)) return undefined;
  const row = unwrap(e.expression);
  if (!ts.isIdentifier(row) || !ctx.db || !isLoadedRow(row, ctx.facts.imports, ctx.db.recognise as Recognise)) return undefined;
  const name = (e as ts.PropertyAccessExpression).name.text;
  // Pattern: cache.save(key, user.dataValues) — Sequelize's (or Mongoose's `_doc`) plain copy of the whole row
  return WHOLE_ROW.has(name) ? undefined : name;
}

/** Members of an ORM's row object that hold the whole row: Sequelize `dataValues`, Mongoose `_doc`. */
const WHOLE_ROW = new Set(['dataValues', '_doc']);
