// The same owners kept ten minutes: the reverted balance is served that long
import Redis from 'ioredis';
import { Pool } from 'pg';

const redis = new Redis();
const pool = new Pool();

export async function tokenSetOwners(setId: string) {
  const hit = await redis.get(`token-set-owners:${setId}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT owner, amount FROM token_balances WHERE token_set_id = $1', [setId]);
  await redis.set(`token-set-owners:${setId}`, JSON.stringify(rows), 'EX', 600);
  return rows;
}

export async function revertTransfer(setId: string, owner: string, amount: number) {
  await pool.query('UPDATE token_balances SET amount = amount - $1 WHERE token_set_id = $2 AND owner = $3', [amount, setId, owner]); // expect: missing-invalidation
}
