import { Knex } from 'knex';
import { cacheGet, cacheSet } from './cache';

export async function badgeByCode(db: Knex, code: string) {
  const cached = await cacheGet(`badge:${code}`);
  if (cached === 'null') return null;
  if (cached) return JSON.parse(cached);
  const badge = await db('badges').where({ code }).first();
  await cacheSet(`badge:${code}`, badge ? JSON.stringify(badge) : 'null', badge ? 3600 : 60);
  return badge ?? null;
}

export async function badgesOf(db: Knex, holderId: string) {
  const cached = await cacheGet(`badges:holder:${holderId}`);
  if (cached) return JSON.parse(cached);
  const badges = await db('badges').where({ holder_id: holderId });
  await cacheSet(`badges:holder:${holderId}`, JSON.stringify(badges), 300);
  return badges;
}
