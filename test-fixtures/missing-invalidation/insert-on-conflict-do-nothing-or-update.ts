// An insert that does nothing on conflict leaves an existing tenant as it was: the cached row is
// still right. One that updates on conflict rewrites it, and the cached row goes stale.
import Redis from 'ioredis';
import { Pool } from 'pg';

const redis = new Redis();
const pool = new Pool();

export async function tenant(id: string) {
  const hit = await redis.get(`tenant:${id}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT id, name, status FROM tenants WHERE id = $1', [id]);
  if (!rows[0]) throw new Error('no tenant');
  await redis.set(`tenant:${id}`, JSON.stringify(rows[0]), 'EX', 300);
  return rows[0];
}

export async function ensureTenant(id: string, name: string) {
  await pool.query("INSERT INTO tenants (id, name, status) VALUES ($1, $2, 'active') ON CONFLICT (id) DO NOTHING", [id, name]);
}

export async function importTenant(id: string, name: string) {
  await pool.query("INSERT INTO tenants (id, name, status) VALUES ($1, $2, 'active') ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name", [id, name]); // expect: missing-invalidation
}
