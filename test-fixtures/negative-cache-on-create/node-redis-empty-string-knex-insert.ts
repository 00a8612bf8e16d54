import { createClient } from 'redis';
import knexFactory from 'knex';

const redis = createClient({ url: process.env.REDIS_URL });
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });

export interface Account {
  id: string;
  email: string;
  plan: string;
}

export async function findAccount(id: string): Promise<Account | null> {
  const hit = await redis.get(`account:${id}`);
  if (hit === '') return null;
  if (hit) return JSON.parse(hit) as Account;
  const row = await knex<Account>('accounts').where({ id }).first();
  // an empty string marks "no such account" for 30 seconds
  await redis.set(`account:${id}`, row ? JSON.stringify(row) : '', { EX: row ? 300 : 30 });
  return row ?? null;
}

export async function openAccount(account: Account): Promise<void> {
  await knex('accounts').insert(account); // expect: negative-cache-on-create
}
