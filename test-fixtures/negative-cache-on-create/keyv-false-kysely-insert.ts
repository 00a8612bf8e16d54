import Keyv from 'keyv';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

interface Database {
  coupons: { code: string; percent_off: number };
}

const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const keyv = new Keyv({ namespace: 'coupons', ttl: 5 * 60 * 1000 });

export async function lookupCoupon(code: string) {
  const cached = await keyv.get(`coupon:${code}`);
  if (cached === false) return undefined;
  if (cached) return cached as Database['coupons'];
  const coupon = await db.selectFrom('coupons').selectAll().where('code', '=', code).executeTakeFirst();
  if (!coupon) {
    await keyv.set(`coupon:${code}`, false, 15_000);
    return undefined;
  }
  await keyv.set(`coupon:${code}`, coupon);
  return coupon;
}

export async function issueCoupon(code: string, percentOff: number) {
  await db.insertInto('coupons').values({ code, percent_off: percentOff }).execute(); // expect: negative-cache-on-create
}
