// valid: Drizzle's update(table).set({...}) is the SQL SET clause of an UPDATE, not a cache write
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, sql } from 'drizzle-orm';
import { accounts } from './schema';

const db = drizzle(process.env.DATABASE_URL!);

export async function deactivate(accountId: number) {
  await db.update(accounts).set({ active: false, deactivatedAt: new Date() }).where(eq(accounts.id, accountId));
}

export async function bumpLogin(accountId: number) {
  return db
    .update(accounts)
    .set({ loginCount: sql`${accounts.loginCount} + 1` })
    .where(eq(accounts.id, accountId))
    .returning();
}
