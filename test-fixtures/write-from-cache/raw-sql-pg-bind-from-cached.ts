import Redis from 'ioredis';
import { Pool } from 'pg';

const pool = new Pool();
const redis = new Redis();

export async function user(id: string) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);
  await redis.set(`user:${id}`, JSON.stringify(rows[0]), 'EX', 120);
  return rows[0];
}

export async function addPoints(id: string, n: number) {
  const u = await user(id);
  await pool.query('UPDATE users SET points = $1 WHERE id = $2', [u.points + n, id]); // expect: write-from-cache
  await redis.del(`user:${id}`);
}
