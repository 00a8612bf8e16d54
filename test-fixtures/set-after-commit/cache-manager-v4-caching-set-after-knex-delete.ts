// cache-manager v4 (`cacheManager.caching({ store, ttl })`) in an Express handler.
import cacheManager from 'cache-manager';
import type { Request, Response } from 'express';
import knex from 'knex';

const db = knex({ client: 'mysql2', connection: process.env.DATABASE_URL });
const memoryCache = cacheManager.caching({ store: 'memory', max: 100, ttl: 60 });

export async function removeMember(req: Request, res: Response) {
  const teamId = Number(req.params.teamId);
  await db('team_members').where({ team_id: teamId, user_id: Number(req.params.userId) }).del();
  const members = await db('team_members').where({ team_id: teamId }).select('user_id');
  await memoryCache.set(`team:${teamId}:members`, members, { ttl: 60 }); // expect: set-after-commit
  res.status(204).end();
}
