import { redisClient } from './lib/redis';
import { sql } from './db';

export async function toggleFlag(accountId: string, name: string, enabled: boolean) {
  await sql`UPDATE feature_flags SET enabled = ${enabled} WHERE account_id = ${accountId} AND name = ${name}`;
  await redisClient.del(`flags:account:${accountId}`); // expect: key-drift
}
