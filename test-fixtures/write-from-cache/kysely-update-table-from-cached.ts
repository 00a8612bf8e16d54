import { Kysely, PostgresDialect } from 'kysely';
import { LRUCache } from 'lru-cache';
import { Pool } from 'pg';

interface DB {
  invoices: { id: string; status: string; total: number; note: string };
}

const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const cache = new LRUCache<string, DB['invoices']>({ max: 1000, ttl: 120_000 });

export async function annotate(id: string, note: string) {
  const hit = cache.get(`invoice:${id}`);
  if (!hit) return;
  const { id: _id, ...fields } = hit;
  await db.updateTable('invoices').set({ ...fields, note }).where('id', '=', id).execute(); // expect: write-from-cache
  cache.delete(`invoice:${id}`);
}
