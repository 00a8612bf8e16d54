import { Redis } from '@upstash/redis';
import type { Knex } from 'knex';

const redis = Redis.fromEnv();

export async function coupon(db: Knex, code: string) {
  const hit = await redis.get<string>(`coupon:${code}`);
  if (hit) return hit;
  const row = await db('coupons').where({ code }).first();
  await redis.set(`coupon:${code}`, JSON.stringify(row), { ex: 900 });
  return row;
}

export async function expireCoupon(db: Knex, code: string) {
  await db('coupons').where({ code }).update({ expired: true }); // expect: missing-invalidation
}
