// valid: a backfill job is a one-off data migration; its cursor is no cache and its writes no report sites
import { db, redis } from '../../collections';

export async function backfillCollectionNames() {
  const cursor = await redis.get('backfill-collection-names-cursor');
  const { rows } = await db.query(
    'UPDATE collections SET name = trim(name) WHERE id > $1 AND id IN (SELECT id FROM collections WHERE id > $1 ORDER BY id LIMIT 500) RETURNING id',
    [cursor ?? ''],
  );
  if (rows.length) {
    const last = rows[rows.length - 1];
    await redis.set(`collection:${last.id}`, JSON.stringify(last));
    await redis.set('backfill-collection-names-cursor', last.id);
  }
}
