// valid: the cached value is compared with the request; only request data is written
import { LRUCache } from 'lru-cache';
import knex from 'knex';

const db = knex({ client: 'pg' });
const cache = new LRUCache<string, { email: string }>({ max: 100, ttl: 60_000 });

export async function changeEmail(id: string, email: string) {
  const cached = cache.get(`account:${id}`);
  const changed = cached?.email !== email;
  if (!changed) return;
  await db('accounts').where({ id }).update({ email, verified: false });
  cache.delete(`account:${id}`);
}
