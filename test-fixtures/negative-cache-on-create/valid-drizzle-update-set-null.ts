// valid: Drizzle's update(...).set({ ... null }) is a SQL update, not a cached marker
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const sessions = pgTable('sessions', { id: text('id').primaryKey(), userId: text('user_id'), revokedAt: timestamp('revoked_at') });
const db = drizzle(process.env.DATABASE_URL!);

export async function restoreSession(id: string) {
  const [session] = await db.select().from(sessions).where(eq(sessions.id, id));
  if (!session) return null;
  await db.update(sessions).set({ revokedAt: null }).where(eq(sessions.id, id));
  return session;
}

export async function startSession(id: string, userId: string) {
  await db.insert(sessions).values({ id, userId });
}
