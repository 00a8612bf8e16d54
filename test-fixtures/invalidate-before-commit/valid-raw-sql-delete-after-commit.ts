// valid: raw BEGIN … COMMIT, and the delete comes after the COMMIT.
import Redis from 'ioredis';
import { Pool } from 'pg';

const pool = new Pool();
const redis = new Redis();

export async function renameTeam(teamId: string, name: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('UPDATE teams SET name = $1 WHERE id = $2', [name, teamId]);
    await client.query('COMMIT');
    await redis.del(`team:${teamId}`);
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
