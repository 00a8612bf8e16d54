// valid: the read path of this case; the create in teams.write.ts deletes its key
import { createClient } from 'redis';
import { Knex } from 'knex';
import { keys } from './keys';

export const redis = createClient();

export async function teamBySlug(knex: Knex, slug: string) {
  const cached = await redis.get(keys.team(slug));
  if (cached === '__none__') return null;
  if (cached) return JSON.parse(cached);
  const team = await knex('teams').where({ slug }).first();
  await redis.set(keys.team(slug), team ? JSON.stringify(team) : '__none__', { EX: team ? 300 : 30 });
  return team ?? null;
}
