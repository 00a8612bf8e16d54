// The cache keeps a collection's id, name and image; the writes of other columns leave it right,
// a write of its name does not
import Redis from 'ioredis';
import { Pool } from 'pg';

const redis = new Redis();
const db = new Pool();

export async function collectionSummary(id: string) {
  const hit = await redis.get(`collection-summary:${id}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await db.query(
    `SELECT c.id, c.name, (c.metadata ->> 'imageUrl')::TEXT AS "image" FROM collections c WHERE c.id = $1`,
    [id],
  );
  const row = rows[0];
  await redis.set(`collection-summary:${id}`, JSON.stringify({ id: row.id, name: row.name, image: row.image }), 'EX', 86_400);
  return row;
}

export async function setCommunity(id: string, community: string) {
  await db.query('UPDATE collections SET community = $1, updated_at = now() WHERE id = $2', [community, id]);
}

export async function recalcOnSaleCount(id: string) {
  await db.query('UPDATE collections SET on_sale_count = (SELECT count(*) FROM tokens WHERE collection_id = $1) WHERE id = $1', [id]);
}

export async function rename(id: string, name: string) {
  await db.query('UPDATE collections SET name = $1, updated_at = now() WHERE id = $2', [name, id]); // expect: missing-invalidation
}

export async function setImage(id: string, url: string) {
  await db.query(`UPDATE collections SET metadata = jsonb_set(metadata, '{imageUrl}', $1) WHERE id = $2`, [url, id]); // expect: missing-invalidation
}
