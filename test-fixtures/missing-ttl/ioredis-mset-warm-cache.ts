// config: {"missingTtl": "all-writes"}
import IORedis from 'ioredis';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const redis = new IORedis();

/** Warms the price cache at boot: one round trip, but none of the keys ever expire. */
export async function warmPrices(): Promise<void> {
  const rows: { sku: string; price_cents: number }[] = await db('prices').select('sku', 'price_cents');
  const pairs: string[] = [];
  for (const r of rows) pairs.push(`price:${r.sku}`, String(r.price_cents));
  if (pairs.length) await redis.mset(pairs); // expect: missing-ttl
}
