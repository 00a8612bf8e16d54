import * as keys from '@/cache/keys';
import { redis } from '@/cache/client';
import { db } from '@/db';

export async function setPlanPrice(planId: string, cents: number) {
  await db.updateTable('plans').set({ price_cents: cents }).where('id', '=', planId).execute();
  await redis.del(keys.plan(planId)); // expect: key-drift
}

export async function planUsage(accountId: string, month: string) {
  const cached = await redis.get<number>(keys.usage(accountId, month));
  if (cached !== null) return cached;
  const row = await db.selectFrom('usage').select('units').where('account_id', '=', accountId).where('month', '=', month).executeTakeFirst();
  await redis.set(keys.usage(accountId, month), row?.units ?? 0, { ex: 300 });
  return row?.units ?? 0;
}
