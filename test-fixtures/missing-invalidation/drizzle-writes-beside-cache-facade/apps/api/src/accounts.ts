// No cache word in this file: the writes are found because their table is cached elsewhere.
import { eq } from 'drizzle-orm';
import { accounts, db, teams } from './db';

export async function changePlan(id: string, plan: string) {
  return db.update(accounts).set({ plan }).where(eq(accounts.id, id)).returning(); // expect: missing-invalidation
}

export async function closeAccount(id: string) {
  await db.delete(accounts).where(eq(accounts.id, id)); // expect: missing-invalidation
}

// look-alike: another table, not cached
export async function renameTeam(id: string, name: string) {
  await db.update(teams).set({ name }).where(eq(teams.id, id));
}
