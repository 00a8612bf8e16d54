import { redisClient } from './lib/redis';
import { sql } from './db';

export async function flagsFor(accountId: string): Promise<Record<string, boolean>> {
  const cached = await redisClient.get(`flags:account:${accountId}`);
  if (cached) return JSON.parse(cached);
  const rows = await sql<{ name: string; enabled: boolean }[]>`SELECT name, enabled FROM feature_flags WHERE account_id = ${accountId}`;
  const flags = Object.fromEntries(rows.map((r) => [r.name, r.enabled]));
  await redisClient.set(`flags:account:${accountId}`, JSON.stringify(flags), { EX: 30 });
  return flags;
}
