// Which cached keys hold rows of which entity. A write of an entity can only leave a cache stale
// when the link between the two is shown: the key names the entity and its value is loaded from
// that entity's rows (`user:{}` filled from prisma.user).
// Built once per cache model, for missing-invalidation and invalidate-before-commit.
import type { CacheOp } from '../rule';
import { shapeNamesEntity } from '../facts/keys/shapes';
import type { CacheModel, KeyModel } from './cache-model';

export interface CachedEntity {
  key: KeyModel;
  /** a write that fills the key with the entity's rows: where the read path caches them */
  fill: CacheOp;
  /** the key has no hole for the row: a list or an aggregate of the entity (a create changes it too) */
  list: boolean;
}

const memo = new WeakMap<CacheModel, Map<string, CachedEntity[]>>();

export function entityCaches(model: CacheModel): ReadonlyMap<string, CachedEntity[]> {
  let byEntity = memo.get(model);
  if (byEntity) return byEntity;
  byEntity = new Map();
  for (const key of model.keys.values()) {
    if (key.role !== 'cache' || !key.shape) continue;
    const seen = new Set<string>();
    for (const w of key.writers) {
      if (w.sentinel) continue;
      for (const e of w.valueEntities ?? []) {
        // both shown: the value is loaded from the entity's rows, and the key names the entity (a
        // `trackSale:{}` record holding a customer's id is no cache of customers)
        if (seen.has(e) || !shapeNamesEntity(key.shape, e)) continue;
        seen.add(e);
        const list = !key.shape.includes('{}');
        const entry: CachedEntity = { key, fill: w, list };
        const l = byEntity.get(e);
        if (l) l.push(entry);
        else byEntity.set(e, [entry]);
      }
    }
  }
  memo.set(model, byEntity);
  return byEntity;
}
