// switchTeam changes the user's row, and clears the team-access key `team:user:<id>:team:<team>`:
// that key is a team membership that mentions the user, not the cached user. The user entry
// keeps the old teamId for half an hour.
import Redis from 'ioredis';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { users } from './schema';

const redis = new Redis();

export async function userOf(id: string) {
  const hit = await redis.get(`user:${id}`);
  if (hit) return JSON.parse(hit);
  const [row] = await db.select().from(users).where(eq(users.id, id));
  await redis.set(`user:${id}`, JSON.stringify(row), 'EX', 1800);
  return row;
}

export async function switchTeam(userId: string, teamId: string) {
  await db.update(users).set({ teamId }).where(eq(users.id, userId)); // expect: missing-invalidation
  await redis.del(`team:user:${userId}:team:${teamId}`);
}

// valid: a key whose first word is the entity is the user's own (a drifted or extra one is
// key-drift's business, not a missing invalidation)
export async function rename(userId: string, name: string) {
  await db.update(users).set({ name }).where(eq(users.id, userId));
  await redis.del(`user:${userId}`);
}
