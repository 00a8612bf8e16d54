import { Pool } from 'pg';
import { getRedis } from './redis';

const pool = new Pool();

export async function plan(id: string) {
  const hit = await getRedis()?.get(`plan:${id}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT * FROM plans WHERE id = $1', [id]);
  await getRedis()?.set(`plan:${id}`, JSON.stringify(rows[0])); // expect: missing-ttl
  return rows[0];
}
