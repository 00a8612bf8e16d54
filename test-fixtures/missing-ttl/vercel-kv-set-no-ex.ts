// @vercel/kv is an Upstash client: `{ ex }` in seconds.
import { kv } from '@vercel/kv';
import { db } from './db';

export async function getPricing(plan: string) {
  const hit = await kv.get(`pricing:${plan}`);
  if (hit) return hit;
  const row = await db.query.plans.findFirst({ where: (p, { eq }) => eq(p.slug, plan) });
  await kv.set(`pricing:${plan}`, row); // expect: missing-ttl
  return row;
}
