import { Kysely, PostgresDialect } from 'kysely';
import { LRUCache } from 'lru-cache';
import { Pool } from 'pg';

interface DB {
  invoices: { id: string; status: string };
}

const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const cache = new LRUCache<string, object>({ max: 1000, ttl: 120_000 });

export async function invoice(id: string) {
  const hit = cache.get(`invoice:${id}`);
  if (hit) return hit;
  const row = await db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
  if (row) cache.set(`invoice:${id}`, row);
  return row;
}

export async function markPaid(id: string) {
  await db.updateTable('invoices').set({ status: 'paid' }).where('id', '=', id).execute(); // expect: missing-invalidation
}
