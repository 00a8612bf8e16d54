// node-redis v4 spelled with the uppercase command methods, over a pg pool.
import { createClient } from 'redis';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const redis = createClient();

export async function deactivateAccount(accountId: string) {
  const { rows } = await pool.query('UPDATE accounts SET active = false, updated_at = now() WHERE id = $1 RETURNING *', [accountId]);
  await redis.DEL(`account:${accountId}`); // expect: set-after-commit
  return rows[0];
}
