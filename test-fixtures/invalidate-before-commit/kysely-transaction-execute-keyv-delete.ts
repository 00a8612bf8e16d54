// Kysely `transaction().execute(…)`: the account's Keyv entry goes before the transaction commits.
import Keyv from 'keyv';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { DB } from './db-types';

const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const accounts = new Keyv({ ttl: 60_000 });

export async function suspend(accountId: string, reason: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ suspended: true }).where('id', '=', accountId).execute();
    await trx.insertInto('account_events').values({ account_id: accountId, reason }).execute();
    await accounts.delete(`account:${accountId}`); // expect: invalidate-before-commit
  });
}
