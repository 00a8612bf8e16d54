import { LRUCache } from 'lru-cache';
import { Pool } from 'pg';

const pool = new Pool();
const tenants = new LRUCache<string, string>({ max: 500, ttl: 60_000 });

export async function tenantByHost(host: string) {
  const hit = tenants.get(`tenant:${host}`);
  if (hit === 'null') return null;
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT id, host, name FROM tenants WHERE host = $1', [host]);
  tenants.set(`tenant:${host}`, rows[0] ? JSON.stringify(rows[0]) : 'null');
  return rows[0] ?? null;
}

export async function provisionTenant(host: string, name: string) {
  const result = await pool.query('INSERT INTO tenants (host, name) VALUES ($1, $2) RETURNING id', [host, name]); // expect: negative-cache-on-create
  return result.rows[0].id as string;
}
