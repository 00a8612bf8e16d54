// Subscription changes go to Postgres through Knex, then through the cache helpers.
import type { Knex } from 'knex';
import { cacheGet, cacheSet } from './cache';

interface Subscription {
  id: number;
  plan: string;
}

export async function getSubscription(knex: Knex, subscriptionId: number): Promise<Subscription | undefined> {
  const cached = await cacheGet<Subscription>(`subscription:${subscriptionId}`);
  if (cached) return cached;
  const subscription = await knex<Subscription>('subscriptions').where({ id: subscriptionId }).first();
  if (subscription) await cacheSet(`subscription:${subscriptionId}`, subscription);
  return subscription;
}

export async function changePlan(knex: Knex, subscriptionId: number, plan: string) {
  const [subscription] = await knex<Subscription>('subscriptions').where({ id: subscriptionId }).update({ plan }).returning('*');
  await cacheSet(`subscription:${subscriptionId}`, subscription); // expect: set-after-commit
  return subscription;
}
