// The read path caches a view mapped from the merchants row; archiving writes the row and forgets
// the cached view (update and remove delete it). A mapper of a row holds that row.
import Redis from 'ioredis';
import knex from 'knex';

const redis = new Redis();
const db = knex({ client: 'pg' });

interface MerchantRow {
  id: string;
  name: string;
  archived_at: Date | null;
}

function toMerchantView(row: MerchantRow) {
  return { id: row.id, name: row.name, archived: row.archived_at !== null };
}

export async function findMerchant(id: string) {
  const cached = await redis.get(`merchant:v1:${id}`);
  if (cached !== null) return JSON.parse(cached);
  const row: MerchantRow | undefined = await db('merchants').where({ id }).first();
  if (!row) return null;
  const view = toMerchantView(row);
  await redis.set(`merchant:v1:${id}`, JSON.stringify(view), 'EX', 300);
  return view;
}

export async function renameMerchant(id: string, name: string) {
  await db('merchants').where({ id }).update({ name });
  await redis.del(`merchant:v1:${id}`);
}

export async function archiveMerchant(id: string) {
  await db('merchants').where({ id }).update({ archived_at: db.fn.now() }); // expect: missing-invalidation
}
