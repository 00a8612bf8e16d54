// Live state kept in the cache: some write of a key, in a function with no database write, stores
// a changed copy of a read of the same key (`{ ...game, ready: true }`: a game in progress, a
// wizard's answers). The cache is then where that state lives, and the database row a snapshot of
// it: a set after writing the snapshot is the update (set-after-commit), and a write built from
// the cached value copies the truth, not a stale copy (write-from-cache).
import type { KeyModel } from './cache-model';
import type { ProjectIndex } from '../rule';

/** Per key of one linked model (both rules ask, once per op of the key). */
const answers = new WeakMap<KeyModel, boolean>();

export function keptInPlace(key: KeyModel, project: ProjectIndex): boolean {
  let kept = answers.get(key);
  if (kept === undefined) {
    kept = key.writers.some((w) => {
      if (!w.call.valueFrom || w.call.afterWrites.length > 0) return false;
      const from = new Set(w.call.valueFrom);
      return !!project.files.get(w.file)?.ops.some((r) => r.kind === 'read' && from.has(r.call.id) && project.model.keyOf(r) === key);
    });
    answers.set(key, kept);
  }
  return kept;
}
