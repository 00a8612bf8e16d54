// Plain ESM module: postgres.js tagged-template update, then node-redis write-through.
import postgres from 'postgres';
import { createClient } from 'redis';

const sql = postgres(process.env.DATABASE_URL);
const redis = await createClient({ url: process.env.REDIS_URL }).connect();

export async function verifyEmail(userId) {
  const [user] = await sql`UPDATE users SET email_verified_at = now() WHERE id = ${userId} RETURNING id, email, email_verified_at`;
  await redis.del(`user:${userId}`); // expect: set-after-commit
  return user;
}
