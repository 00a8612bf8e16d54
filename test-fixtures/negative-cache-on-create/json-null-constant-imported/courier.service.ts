import { Knex } from 'knex';
import { CACHED_NULL } from './cache-values';
import { redis } from './redis';

export async function courierByPhone(db: Knex, phone: string) {
  const cached = await redis.get(`courier:${phone}`);
  if (cached === CACHED_NULL) return null;
  if (cached) return JSON.parse(cached);
  const courier = await db('couriers').where({ phone }).first();
  await redis.set(`courier:${phone}`, courier ? JSON.stringify(courier) : CACHED_NULL, 'EX', 120);
  return courier ?? null;
}
