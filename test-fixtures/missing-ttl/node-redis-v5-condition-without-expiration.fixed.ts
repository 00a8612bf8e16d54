import { createClient } from 'redis';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!);
const redis = createClient();

export async function cacheExchangeRate(currency: string) {
  const [row] = await sql`select rate from exchange_rates where currency = ${currency}`;
  // v5 options: `condition` decides whether to write, it says nothing about expiry
  await redis.set(`fx:${currency}`, String(row.rate), { expiration: { type: 'EX', value: 300 }, condition: 'NX' }); // expect: missing-ttl
  return row.rate as number;
}
