import { LRUCache } from 'lru-cache';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { DB } from './db-types';

const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const tenants = new LRUCache<string, DB['tenant']>({ max: 500, ttl: 60_000 });

export async function tenantById(id: string) {
  const hit = tenants.get(`tenant:v3:${id}`);
  if (hit) return hit;
  const row = await db.selectFrom('tenant').selectAll().where('id', '=', id).executeTakeFirst();
  if (row) tenants.set(`tenant:v3:${id}`, row);
  return row;
}

export async function renameTenant(id: string, name: string) {
  await db.updateTable('tenant').set({ name }).where('id', '=', id).execute();
  tenants.delete(`tenant:v2:${id}`); // expect: key-drift
}
