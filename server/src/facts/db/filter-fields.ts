// The fields a query filter names, read from its object literal as written (also through a `const`
// it is declared in): `{ language, status: { $ne: 'blocked' } }` names `language` and `status`.
// Combining operators (`$or: [...]`, Prisma's `AND: {...}`) hold filters of their own. Used by the
// read recognisers that tell which columns a cached value depends on (mongo-columns, prisma-columns).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { declarationOf, isConstDeclaration, propertyNameText, unwrap } from '../../syntax/scope';

/** Adds the fields filter `e` names to `out`; false when it cannot all be read (a spread, an operator, a value built elsewhere). */
export function addFilterFields(e0: ts.Expression, out: Set<string>, combiners: ReadonlySet<string>, ctx: FileCtx, depth = 0): boolean {
  if (depth > 3) return false;
  const u = unwrap(e0);
  if (ts.isArrayLiteralExpression(u)) return u.elements.every((x) => addFilterFields(x, out, combiners, ctx, depth + 1));
  const e = constObjectLiteral(u, ctx);
  if (!e) return false;
  for (const p of e.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) return false;
    const name = propertyNameText(p.name);
    if (name === undefined) return false;
    if (combiners.has(name)) {
      if (!ts.isPropertyAssignment(p) || !addFilterFields(p.initializer, out, combiners, ctx, depth + 1)) return false;
    } else if (name.startsWith('$')) return false;
    else out.add(name);
  }
  return true;
}

/** The `const` declaration with an initializer that `e` (a bare name) refers to. */
export function constDeclarationOf(e: ts.Expression, ctx: FileCtx): ts.VariableDeclaration | undefined {
  if (!ts.isIdentifier(e)) return undefined;
  const d = declarationOf(e, ctx.facts.imports);
  return d?.t === 'var' && d.node.initializer && isConstDeclaration(d.node) ? d.node : undefined;
}

/** An object literal, written in place or as the `const` a name is declared with (and never grown after). */
export function constObjectLiteral(e0: ts.Expression, ctx: FileCtx): ts.ObjectLiteralExpression | undefined {
  const e = unwrap(e0);
  if (ts.isObjectLiteralExpression(e)) return e;
  const d = constDeclarationOf(e, ctx);
  const init = d && unwrap(d.initializer!);
  if (!d || !init || !ts.isObjectLiteralExpression(init)) return undefined;
  // Pattern: const filter = { language }; if (category) filter.category = category — grown later
  const scope = d.parent.parent.parent;
  const name = (e as ts.Identifier).text.replace(/\$/g, '\\$');
  const grown = new RegExp(`\\b${name}\\s*(?:\\.\\s*\\w+|\\[[^\\]]*\\])\\s*=[^=]|Object\\.assign\\(\\s*${name}\\b`);
  return grown.test(scope.getText()) ? undefined : init;
}

/**
 * The fields a filter pins to one literal (`{ paymentStatus: 'Paid', userId }` pins paymentStatus
 * to 'Paid'): two queries pinning a field to different literals match different rows. Undefined
 * when it pins none (or cannot be read).
 */
export function pinnedFields(e0: ts.Expression | undefined, ctx: FileCtx): Record<string, string> | undefined {
  const e = e0 && constObjectLiteral(unwrap(e0), ctx);
  if (!e) return undefined;
  const out: Record<string, string> = {};
  for (const p of e.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const name = propertyNameText(p.name);
    const v = unwrap(p.initializer);
    if (name === undefined || name.startsWith('$')) continue;
    if (ts.isStringLiteralLike(v) || ts.isNumericLiteral(v)) out[name] = v.text;
    else if (v.kind === ts.SyntaxKind.TrueKeyword || v.kind === ts.SyntaxKind.FalseKeyword) out[name] = v.getText();
    // Pattern: { status: RoomStatus.Live } — an enum member, kept as written
    else if (ts.isPropertyAccessExpression(v) && ts.isIdentifier(v.expression) && /^[A-Z]/.test(v.expression.text)) out[name] = `${v.expression.text}.${v.name.text}`;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The fields a filter compares with a run-time value (`{ dictType }`, `{ userId: user.id }`): the
 * rows read are those of one value of each. Undefined when it names none (or cannot be read).
 */
export function boundFields(e0: ts.Expression | undefined, ctx: FileCtx): string[] | undefined {
  const e = e0 && constObjectLiteral(unwrap(e0), ctx);
  if (!e) return undefined;
  const out: string[] = [];
  for (const p of e.properties) {
    if (!ts.isShorthandPropertyAssignment(p) && !ts.isPropertyAssignment(p)) continue;
    const name = propertyNameText(p.name);
    if (name === undefined || name.startsWith('$')) continue;
    const v = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : p.name;
    if (ts.isIdentifier(v) || ts.isPropertyAccessExpression(v)) out.push(name);
  }
  return out.length > 0 ? out : undefined;
}
