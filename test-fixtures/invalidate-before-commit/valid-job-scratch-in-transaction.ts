// valid: import progress is job state the import deletes when it ends, not a cache.
import Redis from 'ioredis';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const redis = new Redis();

export async function importContacts(importId: string, rows: object[]) {
  await redis.set(`import:${importId}:progress`, '0');
  await db.transaction(async (trx) => {
    await trx('contacts').insert(rows);
    await redis.del(`import:${importId}:progress`);
  });
}
