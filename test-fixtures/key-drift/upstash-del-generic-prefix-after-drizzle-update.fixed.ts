import { Redis } from '@upstash/redis';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { products } from './schema';

const redis = Redis.fromEnv();

export async function getProduct(id: number) {
  const cached = await redis.get<typeof products.$inferSelect>(`cache:product:${id}`);
  if (cached) return cached;
  const [row] = await db.select().from(products).where(eq(products.id, id));
  if (row) await redis.set(`cache:product:${id}`, row, { ex: 300 });
  return row ?? null;
}

export async function setPrice(id: number, priceCents: number) {
  await db.update(products).set({ priceCents }).where(eq(products.id, id));
  await redis.del(`cache:product:${id}`); // expect: key-drift
}
