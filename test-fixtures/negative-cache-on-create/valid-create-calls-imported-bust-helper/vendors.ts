// valid: the vendor create busts the vendor cache through an imported helper
import { Pool } from 'pg';
import Redis from 'ioredis';
import { bustCache } from './cache-busting';

const pool = new Pool();
const redis = new Redis();

export async function vendorByTaxId(taxId: string) {
  const cached = await redis.get(`vendor:${taxId}`);
  if (cached === '__nil__') return null;
  if (cached) return JSON.parse(cached);
  const { rows } = await pool.query('SELECT * FROM vendors WHERE tax_id = $1', [taxId]);
  await redis.set(`vendor:${taxId}`, rows[0] ? JSON.stringify(rows[0]) : '__nil__', 'EX', 300);
  return rows[0] ?? null;
}

export async function createVendor(taxId: string, name: string) {
  await pool.query('INSERT INTO vendors (tax_id, name) VALUES ($1, $2)', [taxId, name]);
  await bustCache('vendor:*');
}
