import Redis from 'ioredis';
import mysql from 'mysql2/promise';

const redis = new Redis.Cluster([{ host: 'redis-0', port: 6379 }, { host: 'redis-1', port: 6379 }]);
const pool = mysql.createPool({ uri: process.env.MYSQL_URL });

const MISSING = '__missing__';

export async function getMerchant(merchantId: string) {
  const raw = await redis.get(`merchant:{${merchantId}}`);
  if (raw === MISSING) return null;
  if (raw) return JSON.parse(raw);
  const [rows] = await pool.query('SELECT * FROM merchants WHERE id = ?', [merchantId]);
  const merchant = (rows as Record<string, unknown>[])[0];
  if (!merchant) {
    await redis.setex(`merchant:{${merchantId}}`, 45, MISSING);
    return null;
  }
  await redis.setex(`merchant:{${merchantId}}`, 900, JSON.stringify(merchant));
  return merchant;
}

export async function onboardMerchant(merchantId: string, legalName: string) {
  await pool.execute('INSERT INTO merchants (id, legal_name) VALUES (?, ?)', [merchantId, legalName]); // expect: negative-cache-on-create
}
