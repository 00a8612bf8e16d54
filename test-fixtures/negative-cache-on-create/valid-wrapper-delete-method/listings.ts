// valid: the listing create forgets the marker through the wrapper
import { Knex } from 'knex';
import { cacheService } from './cache.service';

export async function listingById(knex: Knex, id: string) {
  const cached = await cacheService.read(`listing:${id}`);
  if (cached === 'NOT_FOUND') return null;
  if (cached) return JSON.parse(cached);
  const listing = await knex('listings').where({ id }).first();
  await cacheService.store(`listing:${id}`, listing ? JSON.stringify(listing) : 'NOT_FOUND', listing ? 600 : 30);
  return listing ?? null;
}

export async function createListing(knex: Knex, id: string, title: string) {
  await knex('listings').insert({ id, title });
  await cacheService.forget(`listing:${id}`);
}
