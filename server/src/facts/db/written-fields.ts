// The columns an update sets, read from its data as written: `repo.update(id, { password: hash })`
// sets `password`; Prisma's `{ where, data: { email } }` sets `email`; Mongo's `{ $set: { name } }`
// sets `name`. A spread, a variable or a computed name leaves them unknown: the update may set anything.
import { ts } from 'ts-morph';
import { isAssignmentOperator } from '../../syntax/operators';
import { enclosingFunction, propertyNameText, unwrap } from '../../syntax/scope';

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
    // Pattern: ...(method && { 'paymentDetails.method': method }) / ...(x ? { a } : {}) — the literals' columns
    if (ts.isSpreadAssignment(p)) {
      const s = unwrap(p.expression);
      const parts = ts.isBinaryExpression(s) && s.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? [s.right] : ts.isConditionalExpression(s) ? [s.whenTrue, s.whenFalse] : undefined;
      if (!parts || !parts.every((x) => addColumns(unwrap(x), out, depth))) return false;
      continue;
    }
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

/** Methods that change the array or map a field holds: `doc.likedBy.push(id)` writes `likedBy`. */
const MUTATORS = /^(push|pull|splice|unshift|shift|pop|addToSet|set|delete|clear|remove|sort|reverse|fill)$/;
/** Methods of a loaded document that change none of its fields. */
const DOC_READS = /^(toObject|toJSON|populate|get|isModified|isNew|equals|validate|validateSync|depopulate|save)$/;

/**
 * The fields a `doc.save()` writes when the document was loaded in the same function and only
 * changed there by assignments to its fields (`user.referralCode = code; await user.save()`):
 * those fields. Undefined when it is handed to anything else before the save, or nothing is seen
 * changing (the save may write anything).
 */
export function assignedBeforeSave(doc: ts.Identifier, save: ts.Node, decl: ts.VariableDeclaration): string[] | undefined {
  const fn = enclosingFunction(save);
  if (!fn || enclosingFunction(decl) !== fn || decl.end > save.getStart()) return undefined;
  const name = doc.text;
  const out = new Set<string>();
  let unknown = false;
  const visit = (n: ts.Node): void => {
    if (unknown || n.end <= decl.end || n.pos >= save.getStart()) return;
    if (ts.isIdentifier(n) && n.text === name && n !== decl.name) {
      // Pattern: for (const user of users) { user.username = …; user.openid = null } … save(users)
      const each = ts.isForOfStatement(n.parent) && n.parent.expression === n ? elementFields(n.parent) : undefined;
      const use = each ? undefined : fieldUse(n);
      if (each === null || (!each && use === undefined)) unknown = true;
      else if (each) each.forEach((f) => out.add(f));
      else if (use) out.add(use);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return !unknown && out.size > 0 ? [...out].sort() : undefined;
}

/**
 * The fields a `for (const x of docs)` loop changes on each element, by assignments alone; null
 * when the element is used otherwise (handed to a call, assigned to another name).
 */
function elementFields(loop: ts.ForOfStatement): Set<string> | null {
  const list = loop.initializer;
  const d = ts.isVariableDeclarationList(list) && list.declarations.length === 1 ? list.declarations[0] : undefined;
  if (!d || !ts.isIdentifier(d.name)) return null;
  const name = d.name.text;
  const out = new Set<string>();
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(n) && n.text === name) {
      const use = fieldUse(n);
      if (use === undefined) other = true;
      else if (use) out.add(use);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(loop.statement);
  return other ? null : out;
}

/**
 * The field a use of the document changes, '' for a use that changes none (a test, a read of a
 * field), undefined for a use that may change any (handed to a call, assigned to another name).
 */
function fieldUse(id: ts.Identifier): string | undefined {
  const p = id.parent;
  if (!ts.isPropertyAccessExpression(p) || p.expression !== id) {
    // Pattern: if (!user) return … / user === null — a test of it
    if (ts.isPrefixUnaryExpression(p) || ts.isIfStatement(p) || ts.isConditionalExpression(p)) return '';
    if (ts.isBinaryExpression(p) && p.operatorToken.kind >= ts.SyntaxKind.FirstBinaryOperator && !(isAssignmentOperator(p.operatorToken.kind)))
      return '';
    return undefined;
  }
  const field = p.name.text;
  // climb doc.a.b.c to the top of the chain
  let top: ts.Expression = p;
  while (ts.isPropertyAccessExpression(top.parent) && top.parent.expression === top) top = top.parent;
  const up = top.parent;
  // Pattern: doc.referralCode = code / doc.stats.views += 1 / doc.count++
  if (ts.isBinaryExpression(up) && up.left === top && isAssignmentOperator(up.operatorToken.kind)) return field;
  if ((ts.isPrefixUnaryExpression(up) || ts.isPostfixUnaryExpression(up)) && (up.operator === ts.SyntaxKind.PlusPlusToken || up.operator === ts.SyntaxKind.MinusMinusToken)) return field;
  if (ts.isCallExpression(up) && up.expression === top) {
    // Pattern: doc.set('plan', p) / doc.markModified('settings')
    if (top === p) {
      if (field === 'set' || field === 'markModified') {
        const a = up.arguments[0] && unwrap(up.arguments[0]);
        return a && ts.isStringLiteralLike(a) ? a.text.split('.')[0] : undefined;
      }
      return DOC_READS.test(field) ? '' : undefined;
    }
    // Pattern: doc.likedBy.push(userId)
    return MUTATORS.test((top as ts.PropertyAccessExpression).name.text) ? field : '';
  }
  return '';
}
