// valid: a Map called `cache` is still a Map; only Redis keys are compared with Redis reads
import Redis from 'ioredis';
import { Pool } from 'pg';

const redis = new Redis();
const pool = new Pool();
const cache = new Map<string, unknown>();

export async function exchangeRate(from: string, to: string) {
  const local = cache.get(`rate_${from}_${to}`);
  if (local) return local;
  const hit = await redis.get(`fx:rate:${from}:${to}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT rate FROM fx_rates WHERE base = $1 AND quote = $2', [from, to]);
  await redis.set(`fx:rate:${from}:${to}`, JSON.stringify(rows[0]), 'EX', 60);
  cache.set(`rate_${from}_${to}`, rows[0]);
  return rows[0];
}

export async function overrideRate(from: string, to: string, rate: number) {
  await pool.query('UPDATE fx_rates SET rate = $3 WHERE base = $1 AND quote = $2', [from, to, rate]);
  await redis.del(`fx:rate:${from}:${to}`);
  cache.delete(`fx:rates:${from}:${to}`);
  cache.delete(`fx_rate_${from}_${to}`);
}
