import mysql from 'mysql2/promise';
import Redis from 'ioredis';

const pool = mysql.createPool({ uri: process.env.MYSQL_URL });
const redis = new Redis(process.env.REDIS_URL!);

export async function inventory(sku: string): Promise<number> {
  const cached = await redis.get(`inventory:sku:${sku}`);
  if (cached !== null) return Number(cached);
  const [rows] = await pool.query<mysql.RowDataPacket[]>('SELECT quantity FROM inventory WHERE sku = ?', [sku]);
  const qty = rows[0]?.quantity ?? 0;
  await redis.set(`inventory:sku:${sku}`, String(qty), 'EX', 15);
  return qty;
}

export async function reserve(sku: string, qty: number): Promise<void> {
  await pool.execute('UPDATE inventory SET quantity = quantity - ? WHERE sku = ?', [qty, sku]);
  await redis.unlink(`inventories:sku:${sku}`); // expect: key-drift
}
