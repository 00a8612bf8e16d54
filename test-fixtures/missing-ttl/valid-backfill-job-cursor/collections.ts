// valid: product code caches collections with a TTL
import Redis from 'ioredis';
import { Pool } from 'pg';

export const redis = new Redis();
export const db = new Pool();

export async function getCollection(id: string) {
  const hit = await redis.get(`collection:${id}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await db.query('SELECT id, name FROM collections WHERE id = $1', [id]);
  await redis.set(`collection:${id}`, JSON.stringify(rows[0]), 'EX', 600);
  return rows[0];
}
