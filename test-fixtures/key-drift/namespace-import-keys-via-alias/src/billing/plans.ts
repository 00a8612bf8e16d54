import * as keys from '@/cache/keys';
import { redis } from '@/cache/client';
import { db } from '@/db';

export async function getPlan(planId: string) {
  const cached = await redis.get(keys.plan(planId));
  if (cached) return cached;
  const plan = await db.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst();
  if (plan) await redis.set(keys.plan(planId), plan, { ex: 3600 });
  return plan;
}
