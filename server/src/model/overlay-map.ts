// A map that is an earlier map with some of its entries replaced. A link that reuses the previous
// one (an edit in one file) shares that link's per-file maps this way instead of copying every
// file's entry on each keystroke: the copies cost time and garbage in proportion to the project.
export class OverlayMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly changed: ReadonlyMap<string, V>,
  ) {}

  /**
   * `prev` with the entries of `changes` written over its own (every key of `changes` must be a
   * key of `prev`: the order of the keys is `prev`'s). Overlays do not pile up: one over an
   * overlay shares its base, and a plain copy is made once many entries differ from it.
   */
  static of<V>(prev: ReadonlyMap<string, V>, changes: Iterable<readonly [string, V]>): ReadonlyMap<string, V> {
    const base = prev instanceof OverlayMap ? (prev.base as ReadonlyMap<string, V>) : prev;
    const changed = new Map(prev instanceof OverlayMap ? (prev.changed as ReadonlyMap<string, V>) : undefined);
    for (const [k, v] of changes) {
      if (!base.has(k)) throw new Error(`OverlayMap: ${k} is not a key of the map it overlays`);
      changed.set(k, v);
    }
    if (changed.size > 64) return new Map([...base.keys()].map((k) => [k, changed.has(k) ? changed.get(k)! : base.get(k)!]));
    return new OverlayMap(base, changed);
  }

  get size(): number {
    return this.base.size;
  }

  get(key: string): V | undefined {
    const v = this.changed.get(key);
    return v !== undefined || this.changed.has(key) ? v : this.base.get(key);
  }

  has(key: string): boolean {
    return this.base.has(key);
  }

  *entries(): MapIterator<[string, V]> {
    for (const [k, v] of this.base) yield [k, this.changed.has(k) ? this.changed.get(k)! : v];
  }

  *keys(): MapIterator<string> {
    yield* this.base.keys();
  }

  *values(): MapIterator<V> {
    for (const [k, v] of this.base) yield this.changed.has(k) ? this.changed.get(k)! : v;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(f: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) f.call(thisArg, v, k, this);
  }
}
