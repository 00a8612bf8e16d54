import { Knex } from 'knex';
import { cacheDel } from './cache';

export async function awardNewBadge(db: Knex, code: string, title: string, holderId: string) {
  await db('badges').insert({ code, title, holder_id: holderId }); // expect: negative-cache-on-create
  await cacheDel(`badges:holder:${holderId}`);
}
