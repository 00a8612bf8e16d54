// valid: the cached value is only bound in the WHERE clause
import Redis from 'ioredis';
import { Pool } from 'pg';

const pool = new Pool();
const redis = new Redis();

export async function rename(handle: string, name: string) {
  const cached = JSON.parse((await redis.get(`profile:${handle}`)) ?? '{}');
  await pool.query('UPDATE profiles SET name = $1 WHERE owner = $2', [name, cached.owner]);
  await redis.del(`profile:${handle}`);
}
