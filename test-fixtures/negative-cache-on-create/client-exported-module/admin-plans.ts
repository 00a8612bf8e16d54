import { Knex } from 'knex';

export async function createPlan(knex: Knex, code: string, priceCents: number) {
  const [plan] = await knex('plans').insert({ code, price_cents: priceCents }).returning('*'); // expect: negative-cache-on-create
  return plan;
}
