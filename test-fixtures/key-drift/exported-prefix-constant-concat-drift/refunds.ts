import { Pool } from 'pg';
import { cache } from './cache';

const pool = new Pool();

export async function refundOrder(id: string, amountCents: number) {
  await pool.query('UPDATE orders SET refunded_cents = refunded_cents + $2 WHERE id = $1', [id, amountCents]);
  await cache.del('order:v2:' + id); // expect: key-drift
}
