// The SQL lives in a module constant; pg runs it and the row is written through with SETEX.
import Redis from 'ioredis';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const redis = new Redis();

const RENAME_TENANT = `
  UPDATE tenants
     SET display_name = $1, updated_at = now()
   WHERE id = $2
RETURNING id, display_name, updated_at`;

export async function renameTenant(id: string, displayName: string) {
  const { rows } = await pool.query(RENAME_TENANT, [displayName, id]);
  await redis.del(`tenant:${id}`); // expect: set-after-commit
  return rows[0];
}
