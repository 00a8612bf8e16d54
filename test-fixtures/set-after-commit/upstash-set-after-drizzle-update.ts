// Edge handler: Drizzle update (whose `.set({...})` is SQL, not a cache) then Upstash write-through.
import { Redis } from '@upstash/redis';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { products } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
const redis = Redis.fromEnv();

export async function restock(id: number, stock: number) {
  const [row] = await db.update(products).set({ stock, updatedAt: new Date() }).where(eq(products.id, id)).returning();
  await redis.set(`product:${id}`, row, { ex: 120 }); // expect: set-after-commit
  return row;
}
