import { Router } from 'express';
import { cacheGet, cacheSet } from './cache';
import { db } from './db';

export const router = Router();

router.get('/teams/:id', async (req, res) => {
  const cached = await cacheGet(`team:${req.params.id}`);
  if (cached) return res.json(cached);
  const team = await db.query.teams.findFirst({ where: (t, { eq }) => eq(t.id, req.params.id) });
  await cacheSet(`team:${req.params.id}`, team); // expect: missing-ttl
  return res.json(team);
});
