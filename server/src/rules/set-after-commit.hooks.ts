// set-after-commit in ORM hooks: a cache set in a hook that runs after an update or delete of its
// entity (`@AfterUpdate`, `@AfterSave`, `afterUpdate` of a subscriber, `schema.post('save')`, after
// `await query(args)` in a Prisma query extension) follows that write, which is out of sight
// (facts/db/hooks.ts finds the hooks, model/hooks.ts says which one a call runs in).
// Docs: docs/rules/set-after-commit.md
import { sameAggregate } from '../facts/keys/entities';
import { entityOfShape, shapeNamesEntity } from '../facts/keys/shapes';
import type { HookFact } from '../facts/types';
import { hookLabel, hookOf, hookWrite } from '../model/hooks';
import type { CacheOp, LinkedFile, Related } from '../rule';

/**
 * Whether the key and the stored value are built from the row the hook runs for (`this.id` in an
 * entity listener, `model.id` of a Sequelize hook's instance): then the cache holds that entity,
 * whatever its key is called (`cd:${model.id}` for a collection's document structure).
 */
function fromSubject(op: CacheOp, hook: HookFact, text: string): { key: boolean; value: boolean } {
  const root = hook.subject?.split('.')[0];
  if (!root) return { key: false, value: false };
  const re = new RegExp(`(^|[^\\w$.])${root.replace(/\$/g, '\\$')}\\b`);
  const k = op.call.key;
  const keyTexts = [k?.text ?? '', ...(k?.parts ?? []).map((p) => ('hole' in p ? p.hole : 'ref' in p ? (p.args ?? []).join(',') : '')), ...(k?.builder?.args ?? [])];
  const v = op.valueArg !== undefined ? op.call.args[op.valueArg] : undefined;
  return { key: keyTexts.some((t) => re.test(t)), value: !!v && re.test(text.slice(v.span.start, v.span.end)) };
}

export interface HookFinding {
  messageId: 'setInHook' | 'setInHookReplica';
  data: { write: string; hook: string };
  related: Related[];
}

/**
 * The finding for a cache write that runs in an after-update (or after-delete) hook of the entity it
 * caches, if it does. `role` and `replica` as the rule judged the key: a key of unknown role, or a
 * copy nothing reloads, must show the entity by its name or be built from the hook's row.
 */
export function hookFinding(op: CacheOp, file: LinkedFile, role: string, replica: boolean): HookFinding | undefined {
  const hook = hookOf(file.facts, op.call);
  // a set in an insert-only hook stores a new row, one in a before-hook precedes the write
  if (!hook || hook.timing === 'before' || hook.events.every((e) => e === 'create')) return undefined;
  const shape = op.key?.shape;
  const keyEntity = shape ? entityOfShape(shape, true) : undefined;
  const e = hook.entity;
  const names = !!shape && !!e && (shapeNamesEntity(shape, e, true) || (!!keyEntity && sameAggregate(keyEntity, e)));
  // a hook's entity is often its table's name with a module prefix (`base_sys_param` for `param:{}`)
  const ofHook = !!keyEntity && !!e && (sameAggregate(keyEntity, e) || e.endsWith(`_${keyEntity}`));
  const own = fromSubject(op, hook, file.text);
  const shown = role === 'unknown' || replica ? names || (own.key && own.value) : !keyEntity || !e || ofHook || own.key;
  if (!shown) return undefined;
  const write = hookWrite(hook);
  const label = hookLabel(hook);
  return {
    messageId: replica ? 'setInHookReplica' : 'setInHook',
    data: { write, hook: label },
    related: [{ file: file.file, span: hook.span, message: `The ${label} this cache write runs in, after each ${write}` }],
  };
}
