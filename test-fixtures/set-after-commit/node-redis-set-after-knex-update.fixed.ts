// Express-style user profile update with Knex and node-redis v4.
import { createClient } from 'redis';
import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const client = createClient({ url: process.env.REDIS_URL });
await client.connect();

export async function updateEmail(userId: number, email: string) {
  const [user] = await db('users').where({ id: userId }).update({ email, updated_at: db.fn.now() }).returning('*');
  await client.del(`user:${userId}`); // expect: set-after-commit
  return user;
}
