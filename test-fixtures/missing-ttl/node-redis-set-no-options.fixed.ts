import { createClient } from 'redis';
import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { users } from './schema';

const client = createClient({ url: process.env.REDIS_URL });
const db = drizzle(process.env.DATABASE_URL!);

export async function getUserPublic(id: number) {
  const key = `user:public:${id}`;
  const cached = await client.get(key);
  if (cached) return JSON.parse(cached);
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id));
  await client.set(key, JSON.stringify(user ?? {}), { EX: 300 }); // expect: missing-ttl
  return user;
}
