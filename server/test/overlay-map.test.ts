// The per-file maps a link shares with the previous one (model/overlay-map.ts) must read exactly
// like the copy they replace: the same keys in the same order, the changed entries' new values.
import { describe, expect, it } from 'vitest';
import { OverlayMap } from '../src/model/overlay-map';

const copyOf = <V>(prev: ReadonlyMap<string, V>, changes: [string, V][]) => {
  const m = new Map(prev);
  for (const [k, v] of changes) m.set(k, v);
  return m;
};

describe('OverlayMap', () => {
  it('reads like a copy of the map with the changes written over it, edit after edit', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `f${(i * 7919) % 200}`);
    let overlay: ReadonlyMap<string, number> = new Map(keys.map((k, i) => [k, i]));
    let copy: ReadonlyMap<string, number> = new Map(overlay);
    for (let step = 1; step <= 150; step++) {
      // mostly the same file again, every other edit another one too (past 64 of them the overlay is flattened)
      const changes: [string, number][] = [[keys[step % 3], step]];
      if (step % 2 === 0) changes.push([keys[(step * 13) % keys.length], -step]);
      overlay = OverlayMap.of(overlay, changes);
      copy = copyOf(copy, changes);
      expect([...overlay]).toEqual([...copy]);
      expect([...overlay.keys()]).toEqual([...copy.keys()]);
      expect([...overlay.values()]).toEqual([...copy.values()]);
      expect(overlay.size).toBe(copy.size);
      for (const k of [keys[0], keys[step % keys.length], 'absent']) {
        expect(overlay.get(k)).toBe(copy.get(k));
        expect(overlay.has(k)).toBe(copy.has(k));
      }
      const seen: string[] = [];
      overlay.forEach((v, k) => seen.push(`${k}=${v}`));
      expect(seen).toEqual([...copy].map(([k, v]) => `${k}=${v}`));
    }
  });

  it('keeps an earlier map as it was', () => {
    const first = new Map([['a', 1], ['b', 2]]);
    const second = OverlayMap.of(first, [['a', 10]]);
    const third = OverlayMap.of(second, [['b', 20]]);
    expect([...first]).toEqual([['a', 1], ['b', 2]]);
    expect([...second]).toEqual([['a', 10], ['b', 2]]);
    expect([...third]).toEqual([['a', 10], ['b', 20]]);
  });

  it('refuses a key the overlaid map does not have (a link that adds files is built afresh)', () => {
    expect(() => OverlayMap.of(new Map([['a', 1]]), [['z', 2]])).toThrow(/not a key/);
  });
});
