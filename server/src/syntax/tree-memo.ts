// Memo tables keyed by syntax nodes (or by one file's extraction context), for one tree at a time.
//
// A WeakMap keyed by a node, whose value points back into the same tree (a block's declarations, a
// class's members), keeps that tree alive through every young-generation GC: V8's scavenger takes
// the values of a WeakMap that lives in the old generation as roots, and only a full GC sees that
// the key is reachable from its own value alone. Every file's tree then outlived two scavenges and
// was copied into the old generation, to be freed by a full GC much later: on the cache-heavy
// benchmark that was 135 MB promoted and a sixth of a cold run spent in GC. These tables are plain
// Maps instead, replaced with empty ones whenever a file's extraction begins, so a tree dies young
// with its file and nothing is retained beyond the file being extracted.

/** A memo table; its entries last until the next file's extraction begins. */
export interface TreeMemo<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

const tables: { map: Map<object, unknown> }[] = [];

export function treeMemo<K extends object, V>(): TreeMemo<K, V> {
  const table = { map: new Map<object, unknown>() };
  tables.push(table);
  return {
    get: (key) => table.map.get(key) as V | undefined,
    set: (key, value) => void table.map.set(key, value),
  };
}

/** Empties every memo table (new Maps, so that the old ones and what they point to die young). */
export function forgetTrees(): void {
  for (const t of tables) if (t.map.size > 0) t.map = new Map();
}
