import { Pool } from 'pg';
import { cache } from './cache';
import { ORDER_PREFIX } from './constants';

const pool = new Pool();

export async function findOrder(id: string) {
  const hit = await cache.get(`${ORDER_PREFIX}${id}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT * FROM orders WHERE id = $1', [id]);
  if (rows[0]) await cache.set(ORDER_PREFIX + id, JSON.stringify(rows[0]), 'EX', 120);
  return rows[0] ?? null;
}
