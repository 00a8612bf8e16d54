// What a create writes into columns as constants: `repo.save(repo.create({ status: RoomStatus.Created }))`,
// `prisma.room.create({ data: { status: 'draft' } })`, `Room.create({ status: 'draft' })`. A lookup that
// pins a column to another value (`exists({ where: { status: RoomStatus.Live } })`) cannot find the
// new row, so a "none found" it cached stays true (negative-cache-on-create).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { propertyNameText, unwrap } from '../../syntax/scope';
import type { Link } from './common';
import { pinnedFields } from './filter-fields';

/** Links that create rows from their data argument. */
const CREATES = /^(create|createOne|insert|insertOne|save|upsert|add|persist)$/;

/** The constant columns the create in `links` writes, or undefined when none can be read. */
export function createdValues(links: readonly Link[], ctx: FileCtx): Record<string, string> | undefined {
  for (let i = links.length - 1; i >= 0; i--) {
    const l = links[i];
    if (!l.name || !CREATES.test(l.name) || l.args.length === 0) continue;
    // Pattern: manager.save(Room, data) — the entity first
    const a0 = unwrap(l.args[0]);
    const arg = l.args.length > 1 && ts.isIdentifier(a0) && /^[A-Z]/.test(a0.text) ? l.args[1] : l.args[0];
    const data = dataOf(unwrap(arg));
    return data ? pinnedFields(data, ctx) : undefined;
  }
  return undefined;
}

function dataOf(e: ts.Expression): ts.Expression | undefined {
  // Pattern: repo.save(repo.create({ … })) — the entity object built from the literal
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'create' && e.arguments.length === 1) return unwrap(e.arguments[0]);
  // Pattern: prisma.room.create({ data: { … } }) / upsert({ create: { … } })
  if (ts.isObjectLiteralExpression(e)) {
    const data = e.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && /^(data|create)$/.test(propertyNameText(p.name) ?? ''));
    return data ? unwrap(data.initializer) : e;
  }
  return e;
}
