import Redis from 'ioredis';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { pgTable, text } from 'drizzle-orm/pg-core';
import postgres from 'postgres';

export const shortLinks = pgTable('short_links', { code: text('code').primaryKey(), target: text('target').notNull() });

const db = drizzle(postgres(process.env.DATABASE_URL!));
const redis = new Redis();

export function resolveShortLink(code: string) {
  return db
    .select()
    .from(shortLinks)
    .where(eq(shortLinks.code, code))
    .then(async ([link]) => {
      await redis.set(`short_link:${code}`, link ? link.target : '', 'EX', link ? 86_400 : 30);
      return link?.target ?? null;
    });
}

export async function shorten(code: string, target: string) {
  await db.insert(shortLinks).values({ code, target }).onConflictDoNothing(); // expect: negative-cache-on-create
  return code;
}
