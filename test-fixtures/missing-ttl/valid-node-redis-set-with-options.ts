// valid: node-redis v4 { EX }/{ PX } and v5 { expiration } options all set an expiry
import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL });

export async function cacheQuote(symbol: string, price: number) {
  await client.set(`quote:${symbol}`, String(price), { EX: 15 });
  await client.set(`quote:${symbol}:ms`, String(price), { PX: 15_000, NX: true });
  await client.set(`quote:${symbol}:v5`, String(price), { expiration: { type: 'EX', value: 15 }, condition: 'NX' });
  await client.set(`quote:${symbol}:keep`, String(price), { KEEPTTL: true });
  await client.setEx(`quote:${symbol}:legacy`, 15, String(price));
}
