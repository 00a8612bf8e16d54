// iovalkey is an ioredis fork: a hash needs an expire of its own.
import Valkey from 'iovalkey';
import { Pool } from 'pg';

const valkey = new Valkey(process.env.VALKEY_URL!);
const pool = new Pool();

export async function cacheStock(warehouseId: string) {
  const { rows } = await pool.query('SELECT sku, qty FROM stock WHERE warehouse_id = $1', [warehouseId]);
  await valkey.hset(`stock:${warehouseId}`, Object.fromEntries(rows.map((r) => [r.sku, String(r.qty)]))); // expect: missing-ttl
}
