import { Redis } from '@upstash/redis';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text } from 'drizzle-orm/pg-core';

export const workspaces = pgTable('workspaces', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
});

const redis = Redis.fromEnv();
const db = drizzle(process.env.DATABASE_URL!);

export async function workspaceBySlug(slug: string) {
  const cached = await redis.get<string>(`workspace:${slug}`);
  if (cached === '__none__') return null;
  if (cached) return JSON.parse(cached);
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
  if (!ws) {
    await redis.set(`workspace:${slug}`, '__none__', { ex: 120 });
    return null;
  }
  await redis.set(`workspace:${slug}`, JSON.stringify(ws), { ex: 3600 });
  return ws;
}

export async function claimWorkspace(slug: string, name: string) {
  await db.insert(workspaces).values({ slug, name }); // expect: negative-cache-on-create
  return { slug, name };
}
