import Redis from 'ioredis';
import { Pool } from 'pg';

const pool = new Pool();
const redis = new Redis();

export async function account(id: string) {
  const hit = await redis.get(`account:${id}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT * FROM accounts WHERE id = $1', [id]);
  await redis.set(`account:${id}`, JSON.stringify(rows[0]), 'EX', 600);
  return rows[0];
}

export async function suspend(id: string) {
  await pool.query('UPDATE accounts SET suspended = true WHERE id = $1', [id]); // expect: missing-invalidation
}
