// The columns an update sets, read from its data as written: `repo.update(id, { password: hash })`
// sets `password`; Prisma's `{ where, data: { email } }` sets `email`; Mongo's `{ $set: { name } }`
// sets `name`. A spread, a variable or a computed name leaves them unknown: the update may set anything.
import { ts } from 'ts-morph';
import { propertyNameText, unwrap } from '../../syntax/scope';

/** Options of a write call that carry no columns (the row it targets, what it returns, how). */
const NOT_COLUMNS = /^(where|filter|criteria|select|include|omit|returning|orderBy|transaction|session|new|upsert|runValidators|fields|individualHooks|logging|validate|hooks|lock)$/;
/** Wrappers of the columns: Prisma's `data`, Mongo's update operators. */
const COLUMN_HOLDERS = /^(data|\$set|\$unset|\$inc|\$push|\$pull|\$addToSet|\$pop|\$min|\$max|\$mul|\$rename|\$setOnInsert|\$currentDate)$/;

/** The columns the data expressions of an update set, or undefined when they cannot all be read. */
export function writtenFields(data: readonly ts.Expression[]): string[] | undefined {
  if (data.length === 0) return undefined;
  const out = new Set<string>();
  for (const e of data) if (!addColumns(unwrap(e), out, 0)) return undefined;
  return out.size > 0 ? [...out].sort() : undefined;
}

/** Calls whose result keeps some of the properties of the object literal they are given (lodash). */
const SUBSET_OF_FIRST = /^(omitBy|pickBy|omit|pick|compact|cleanDeep)$/;

function addColumns(e0: ts.Expression, out: Set<string>, depth: number): boolean {
  let e = e0;
  // Pattern: .set(omitBy({ firstName, cityName }, isUndefined)) — at most the literal's columns
  if (ts.isCallExpression(e) && e.arguments.length > 0) {
    const callee = unwrap(e.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (SUBSET_OF_FIRST.test(name)) e = unwrap(e.arguments[0]);
  }
  if (!ts.isObjectLiteralExpression(e)) return false;
  for (const p of e.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) return false;
    const name = propertyNameText(p.name);
    if (name === undefined) return false;
    if (NOT_COLUMNS.test(name)) continue;
    if (COLUMN_HOLDERS.test(name) && depth === 0) {
      if (!ts.isPropertyAssignment(p) || !addColumns(unwrap(p.initializer), out, depth + 1)) return false;
      continue;
    }
    out.add(name);
  }
  return true;
}
