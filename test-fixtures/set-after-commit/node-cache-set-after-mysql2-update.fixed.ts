// node-cache with a per-key TTL, next to a mysql2 promise pool.
import mysql from 'mysql2/promise';
import NodeCache from 'node-cache';

const pool = mysql.createPool({ uri: process.env.DATABASE_URL });
const cache = new NodeCache({ stdTTL: 120, checkperiod: 60 });

export async function updateStock(sku: string, quantity: number) {
  await pool.execute('UPDATE inventory SET quantity = ? WHERE sku = ?', [quantity, sku]);
  cache.del(`inventory:${sku}`); // expect: set-after-commit
}
