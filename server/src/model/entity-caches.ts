// Which cached keys hold rows of which entity. A write of an entity can only leave a cache stale
// when the link between the two is shown: the key names the entity and its value is loaded from
// that entity's rows (`user:{}` filled from prisma.user), or the value is columns picked from the
// rows of that one entity (`cors:custom-domains` holding trust.domain where domainVerified).
// Built once per cache model, for missing-invalidation and invalidate-before-commit.
import type { CacheOp } from '../rule';
import { shapeNamesColumn, shapeNamesEntity, shapeNamesLinkOwner, shapeNamesOwnerOf } from '../facts/keys/shapes';
import type { CacheModel, KeyModel } from './cache-model';
import type { CallGraph } from './call-graph';
import { isRowIdName } from '../facts/keys/entities';
import { readThrough } from './roles';

export interface CachedEntity {
  key: KeyModel;
  /** a write that fills the key with the entity's rows: where the read path caches them */
  fill: CacheOp;
  /** the key holds a list or an aggregate of the entity, not one row (a create changes it too) */
  list: boolean;
}

const memo = new WeakMap<CacheModel, Map<string, CachedEntity[]>>();
/**
 * A key's entries, kept with the key: an edit rebuilds only the keys it touches (cache-model.ts
 * updateCacheModel), so the rest are answered again at no cost. Not kept for a key whose value
 * comes from project functions: what those read can change with another file.
 */
const perKey = new WeakMap<KeyModel, readonly { entity: string; entry: CachedEntity }[]>();

/**
 * `graph` (when given) reads the rows of values that are results of project functions
 * (`fetch(key, () => getWebsite(id))`: the website rows `getWebsite` reads).
 */
export function entityCaches(model: CacheModel, graph?: CallGraph): ReadonlyMap<string, CachedEntity[]> {
  let byEntity = memo.get(model);
  if (byEntity) return byEntity;
  byEntity = new Map();
  for (const key of model.keys.values()) {
    // a key of no literal text (`lru.set(id, row)`) is linked only as a copy of one row by its id
    if (key.role !== 'cache') continue;
    for (const { entity, entry } of keyEntries(key, graph)) {
      const l = byEntity.get(entity);
      if (l) l.push(entry);
      else byEntity.set(entity, [entry]);
    }
  }
  memo.set(model, byEntity);
  return byEntity;
}

/** The ops that fill a key: its writers, and reads that fill it themselves (`cache.wrap(k, load)`) with what their loader loads. */
export function fillsOf(key: KeyModel): CacheOp[] {
  return [...key.writers, ...key.readers.filter((r) => readThrough(r) && (r.valueEntities || r.valueCalls))];
}

/** A fill of the key stores rows of `entity`. */
export function filledWith(key: KeyModel | undefined, entity: string): boolean {
  return !!key && fillsOf(key).some((x) => !!x.valueEntities?.includes(entity));
}

/** The key has one hole: `session:{}`, or is the id itself (`lru.set(id, row)`: no literal text, no shape). */
function oneHole(shape: string, w: CacheOp): boolean {
  if (shape) return (shape.match(/\{\}/g) ?? []).length === 1;
  const parts = w.call.key?.parts;
  return parts?.length === 1 && 'hole' in parts[0];
}

/** The entities whose rows a cache key holds, each with the fill that shows it. */
function keyEntries(key: KeyModel, graph: CallGraph | undefined): readonly { entity: string; entry: CachedEntity }[] {
  const kept = perKey.get(key);
  if (kept) return kept;
  const opaque = !key.shape;
  const shape = key.shape ?? '';
  const out: { entity: string; entry: CachedEntity }[] = [];
  let throughGraph = false;
  const seen = new Set<string>();
  // the read path's own fill first, before calls of a wrapper that fills (`findOneDataType(type)`)
  const fills = fillsOf(key);
  const writers = fills.some((w) => w.echo) ? fills.sort((a, b) => Number(!!a.echo) - Number(!!b.echo)) : fills;
  for (const w of writers) {
    if (w.sentinel) continue;
    let entities = w.valueEntities;
    if (!entities && graph && w.valueCalls) {
      throughGraph = true;
      entities = graph.readEntitiesOf(w.valueCallsFile ?? w.file, w.valueCalls);
    }
    // Pattern: @Cacheable('sys_user:{0}') findOne(id) { … const roleIds = await this.getRoleIds([id]); … } —
    // a decorated method's value holds what the helpers it calls read too
    if (entities && graph && w.decorated && w.kind === 'write') {
      throughGraph = true;
      entities = [...new Set([...entities, ...graph.readsOfFunction(w.file, w.call.fn)])];
    }
    for (const e of entities ?? []) {
      // both shown: the value is loaded from the entity's rows, and the key names the entity (a
      // `trackSale:{}` record holding a customer's id is no cache of customers), or the first side
      // of a link table whose rows it holds (`sys_user:{}` with the user's `sys_user_role` rows)
      if (seen.has(e)) continue;
      const named = !opaque && shapeNamesEntity(shape, e);
      const link = !opaque && !named && shapeNamesLinkOwner(shape, e);
      // Pattern: 'cors:custom-domains' filled from db.trust.findMany({ where: { domainVerified: true },
      // select: { domain: true } }) on a miss — the value is the columns it picked from the entity's rows
      // (not a record a webhook keeps of what it did with a customer: `trackSale:{}`, no read reloads it)
      const picked = !opaque && !named && !link && !!w.valueHolds?.length && w.valueEntities?.length === 1 && key.readers.some((r) => r.fallback === 'db');
      // Pattern: `sys:dictType:${dictType}` filled from sysDictData.findMany({ where: { dictType } }) on a miss —
      // the rows of one value of a column, keyed by the column's name rather than the entity's
      const byColumn = !opaque && !named && !link && !picked && w.valueEntities?.length === 1 && shapeNamesColumn(shape, w.valueBy) && key.readers.some((r) => r.fallback === 'db');
      // Pattern: `session:${user.id}` filled from prisma.user.findUnique({ where: { id } }) on a miss — the
      // key names no entity, but its value is one row of one entity, looked up by its id: a copy of that
      // row; also an in-process map keyed by the id itself (`credentials.set(id, row)`)
      const byId =
        !named && !link && !picked && !byColumn && w.valueEntities?.length === 1 && !!w.valueBy?.some(isRowIdName) &&
        oneHole(shape, w) && key.readers.some((r) => r.fallback === 'db');
      if (!named && !link && !picked && !byColumn && !byId) continue;
      seen.add(e);
      // a key without a hole for the row, or one naming the thing whose items these rows are; the
      // links of a row are written by its id, and links created with a new row find no cached copy
      const list = byColumn || (!link && !byId && (!shape.includes('{}') || shapeNamesOwnerOf(shape, e)));
      out.push({ entity: e, entry: { key, fill: w, list } });
    }
  }
  if (!throughGraph) perKey.set(key, out);
  return out;
}
