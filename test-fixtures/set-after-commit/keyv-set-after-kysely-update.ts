// Keyv in front of a Kysely-backed settings table.
import Keyv from 'keyv';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

interface DB {
  settings: { tenant_id: string; theme: string; locale: string };
}

const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const keyv = new Keyv({ namespace: 'app', ttl: 10 * 60 * 1000 });

export async function changeTheme(tenantId: string, theme: string) {
  const row = await db.updateTable('settings').set({ theme }).where('tenant_id', '=', tenantId).returningAll().executeTakeFirstOrThrow();
  await keyv.set(`settings:${tenantId}`, row, 10 * 60 * 1000); // expect: set-after-commit
  return row;
}
