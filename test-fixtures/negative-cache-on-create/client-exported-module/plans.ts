import { Knex } from 'knex';
import redis from './redis-client';

export async function planByCode(knex: Knex, code: string) {
  const cached = await redis.get(`plan:${code}`);
  if (cached === '') return undefined;
  if (cached) return JSON.parse(cached);
  const plan = await knex('plans').where({ code }).first();
  if (!plan) {
    await redis.set(`plan:${code}`, '', 'EX', 30);
    return undefined;
  }
  await redis.set(`plan:${code}`, JSON.stringify(plan), 'EX', 3600);
  return plan;
}
