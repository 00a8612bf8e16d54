// valid: reads and deletes agree; a name from a variable or a subclass's own argument is not guessed
import type { RedisClientType } from 'redis';
import { Pool } from 'pg';
import { RedisCache } from './redis-cache';
import { SegmentCache } from './segment-cache';

const pool = new Pool();

export async function segment(redis: RedisClientType, tenantId: string, id: string) {
  const cache = new SegmentCache(tenantId, redis);
  const hit = await cache.get(id);
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT * FROM segments WHERE id = $1', [id]);
  await cache.set(id, JSON.stringify(rows[0]), 600);
  return rows[0];
}

export async function renameSegment(redis: RedisClientType, tenantId: string, id: string, name: string) {
  await pool.query('UPDATE segments SET name = $1 WHERE id = $2', [name, id]);
  await new SegmentCache('segment', redis).delete(id);
}

export async function dropLookup(redis: RedisClientType, kind: string, id: string) {
  await pool.query('DELETE FROM lookups WHERE id = $1', [id]);
  await new RedisCache(kind, redis).delete(id);
}
