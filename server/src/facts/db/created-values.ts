// What a create writes into columns as constants: `repo.save(repo.create({ status: RoomStatus.Created }))`,
// `prisma.room.create({ data: { status: 'draft' } })`, `Room.create({ status: 'draft' })`. A lookup that
// pins a column to another value (`exists({ where: { status: RoomStatus.Live } })`) cannot find the
// new row, so a "none found" it cached stays true (negative-cache-on-create).
import { ts } from 'ts-morph';
import type { FileCtx } from '../context';
import { propertyNameText, unwrap } from '../../syntax/scope';
import { pinnedFields } from './filter-fields';

/** The constant columns a create's payload (flow/payload-origins.ts `payloadOf`) writes, or undefined when none can be read. */
export function createdValues(payload: readonly ts.Expression[], ctx: FileCtx): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const e of payload) {
    const pins = pinnedFields(dataOf(unwrap(e)), ctx);
    if (pins) out = { ...out, ...pins };
  }
  return out;
}

function dataOf(e: ts.Expression): ts.Expression {
  // Pattern: repo.save(repo.create({ … })) — the entity object built from the literal
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'create' && e.arguments.length === 1) return unwrap(e.arguments[0]);
  // Pattern: prisma.room.create({ data: { … } }) / upsert({ create: { … } })
  if (ts.isObjectLiteralExpression(e)) {
    const data = e.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && /^(data|create)$/.test(propertyNameText(p.name) ?? ''));
    return data ? unwrap(data.initializer) : e;
  }
  return e;
}
