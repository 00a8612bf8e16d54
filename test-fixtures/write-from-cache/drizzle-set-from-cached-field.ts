import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import Redis from 'ioredis';

const users = pgTable('users', { id: text('id').primaryKey(), credits: integer('credits') });
const db = drizzle(process.env.DATABASE_URL!);
const redis = new Redis();

export async function grantCredit(id: string) {
  const raw = await redis.get(`user:${id}`);
  if (!raw) return;
  const user = JSON.parse(raw) as { credits: number };
  await db.update(users).set({ credits: user.credits + 1 }).where(eq(users.id, id)); // expect: write-from-cache
  await redis.del(`user:${id}`);
}
