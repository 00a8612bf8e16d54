import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text } from 'drizzle-orm/pg-core';
import Redis from 'ioredis';

const teams = pgTable('teams', { id: text('id'), name: text('name') });
const db = drizzle(process.env.DATABASE_URL!);
const redis = new Redis();

export async function team(id: string) {
  const hit = await redis.get(`team:${id}`);
  if (hit) return JSON.parse(hit);
  const [row] = await db.select().from(teams).where(eq(teams.id, id));
  await redis.set(`team:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}

export async function renameTeam(id: string, name: string) {
  await db.update(teams).set({ name }).where(eq(teams.id, id)); // expect: missing-invalidation
}
