import { caching } from 'cache-manager';
import { Pool } from 'pg';

const pool = new Pool();
const cache = caching({ store: 'memory', max: 200 });

export async function taxRate(region: string): Promise<number> {
  const cached = await cache.get<number>(`tax:${region}`);
  if (cached !== undefined) return cached;
  const { rows } = await pool.query('SELECT rate FROM tax_rates WHERE region = $1', [region]);
  const rate = Number(rows[0]?.rate ?? 0);
  await cache.set(`tax:${region}`, rate); // expect: missing-ttl
  return rate;
}
