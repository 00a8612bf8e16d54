// valid: a project class named like a cache but backed by a Map is not a cache client the rule knows
import { Knex } from 'knex';

class MemoCache<V> {
  private readonly entries = new Map<string, V>();
  get(key: string): V | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: V): void {
    this.entries.set(key, value);
  }
}

const memo = new MemoCache<{ id: number; name: string }>();

export async function warehouse(db: Knex, id: number) {
  const hit = memo.get(`warehouse:${id}`);
  if (hit) return hit;
  const row = await db('warehouses').where({ id }).first();
  memo.set(`warehouse:${id}`, row);
  return row;
}
