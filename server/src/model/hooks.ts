// ORM hooks as the rules and the cache model see them (facts/db/hooks.ts finds them): the hook a
// call runs in, and whether an op runs after a database write at all, in its own flow or in a hook.
import type { CallFact, FileFacts, HookFact, HookTiming } from '../facts/types';
import type { CacheOp } from '../rule';

/** The hook `call` runs in, with `timing` as it applies to this call (after the commit, before the write…). */
export function hookOf(facts: FileFacts, call: CallFact): (HookFact & { timing: HookTiming }) | undefined {
  const at = call.hook;
  const h = at && facts.fns[at.fn - 1]?.hook;
  return h ? { ...h, timing: at.timing } : undefined;
}

/** The op follows a database write: one earlier in its flow, or the write an after hook hangs on. */
export function followsWrite(op: CacheOp): boolean {
  return op.call.afterWrites.length > 0 || (!!op.call.hook && op.call.hook.timing !== 'before');
}

const ORM_LABEL: Record<HookFact['orm'], string> = { typeorm: 'TypeORM', sequelize: 'Sequelize', mongoose: 'Mongoose', prisma: 'Prisma', 'mikro-orm': 'MikroORM', 'cool-admin': 'cool-admin' };

/** How a message names a hook: `TypeORM @AfterUpdate hook`, `Sequelize afterCommit callback`. */
export function hookLabel(h: HookFact): string {
  return `${ORM_LABEL[h.orm]} ${h.name} ${h.name === 'afterCommit' ? 'callback' : 'hook'}`;
}

/** The write a hook follows, in words: `User update`, `Collection save`, `database write`. */
export function hookWrite(h: HookFact): string {
  const ev = new Set(h.events);
  const word = ev.size === 1 ? (ev.has('update') ? 'update' : ev.has('delete') ? 'delete' : 'insert') : ev.size === 2 && !ev.has('delete') ? 'save' : 'write';
  return h.entityName ? `${h.entityName} ${word}` : word === 'write' ? 'database write' : `${word} of any entity`;
}
