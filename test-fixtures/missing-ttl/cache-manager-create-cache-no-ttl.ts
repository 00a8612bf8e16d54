import { createCache } from 'cache-manager';
import { Keyv } from 'keyv';
import mysql from 'mysql2/promise';

const cache = createCache({ stores: [new Keyv()] });
const pool = mysql.createPool({ uri: process.env.MYSQL_URL });

export async function countryName(code: string): Promise<string | undefined> {
  const cached = await cache.get<string>(`country:${code}`);
  if (cached) return cached;
  const [rows] = await pool.query('SELECT name FROM countries WHERE code = ?', [code]);
  const name = (rows as { name: string }[])[0]?.name;
  if (name) await cache.set(`country:${code}`, name); // expect: missing-ttl
  return name;
}
