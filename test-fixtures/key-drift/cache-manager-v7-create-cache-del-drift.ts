import { createCache } from 'cache-manager';
import { Keyv } from 'keyv';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { apiKeys } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
const cache = createCache({ stores: [new Keyv()], ttl: 60_000 });

export async function apiKey(token: string) {
  const cached = await cache.get(`apikey:${token}`);
  if (cached) return cached;
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.token, token));
  if (row) await cache.set(`apikey:${token}`, row);
  return row;
}

export async function revoke(token: string) {
  await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.token, token));
  await cache.del(`apikeys:${token}`); // expect: key-drift
}
