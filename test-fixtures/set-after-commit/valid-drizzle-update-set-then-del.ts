// valid: Drizzle's `.update(t).set({...})` is SQL; the cache key is deleted afterwards
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import Redis from 'ioredis';
import { users } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
const redis = new Redis();

export async function setAvatar(id: number, avatarUrl: string) {
  await db.update(users).set({ avatarUrl, updatedAt: new Date() }).where(eq(users.id, id));
  await redis.del(`user:${id}`);
}
