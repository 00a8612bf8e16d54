import knex from 'knex';
import { LRUCache } from 'lru-cache';

const db = knex({ client: 'pg' });
const cache = new LRUCache<string, { id: string; balance: number }>({ max: 500, ttl: 60_000 });

export async function withdraw(id: string, amount: number) {
  const acct = cache.get(`account:${id}`);
  if (!acct) throw new Error('not loaded');
  await db('accounts').where({ id }).update({ balance: acct.balance - amount }); // expect: write-from-cache
  cache.delete(`account:${id}`);
}
