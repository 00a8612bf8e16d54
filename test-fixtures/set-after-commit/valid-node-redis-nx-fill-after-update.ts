// valid: node-redis `{ NX: true }` only fills an empty key, it never replaces a newer value
import { createClient } from 'redis';
import { Pool } from 'pg';

const pool = new Pool();
const redis = createClient();

export async function touchLogin(userId: string) {
  const { rows } = await pool.query('UPDATE users SET last_login_at = now() WHERE id = $1 RETURNING *', [userId]);
  await redis.set(`user:${userId}`, JSON.stringify(rows[0]), { NX: true, EX: 600 });
  return rows[0];
}
