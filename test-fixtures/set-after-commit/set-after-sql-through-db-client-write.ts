// The app's database client runs statements through write(sql, params); the cache is then set from the arguments.
import Redis from 'ioredis';
import { db } from './db';

const redis = new Redis();

export async function changePrice(planId: string, priceCents: number) {
  await db.write('UPDATE plans SET price_cents = $1 WHERE id = $2', [priceCents, planId]);
  await redis.set(`plan:${planId}:price`, String(priceCents), 'EX', 3600); // expect: set-after-commit
}
