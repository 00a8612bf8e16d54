// Knex unmanaged transaction: the in-process lru-cache entry is deleted before `trx.commit()`.
import knex from 'knex';
import { LRUCache } from 'lru-cache';

const db = knex({ client: 'mysql2', connection: process.env.DATABASE_URL });
const tenants = new LRUCache<string, object>({ max: 500, ttl: 30_000 });

export async function rename(tenantId: string, name: string) {
  const trx = await db.transaction();
  try {
    await trx('tenants').where({ id: tenantId }).update({ name });
    tenants.delete(`tenant:${tenantId}`); // expect: invalidate-before-commit
    await trx.commit();
  } catch (err) {
    await trx.rollback();
    throw err;
  }
}
