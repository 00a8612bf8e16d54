// valid: the create deletes the key through the same builder the read path uses
import { Knex } from 'knex';
import { keys } from './keys';
import { redis } from './teams.read';

export async function createTeam(knex: Knex, slug: string, name: string) {
  await knex('teams').insert({ slug, name });
  await redis.del(keys.team(slug));
}
