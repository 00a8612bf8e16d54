// The task query results are cached per project and query for an hour; the bulk update (behind two
// barrels, db/index.ts then db/lib/index.ts) never clears them, so the board shows the old tasks until then.
import { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { mdTaskUpdateMany } from './db';
import { CKEY, getJSONCache, setJSONCache } from './redis';

const prisma = new PrismaClient();
export const router = Router();

router.get('/projects/:projectId/tasks', async (req, res) => {
  const key = [CKEY.TASK_QUERY, req.params.projectId, String(req.query.q ?? '')];
  const cached = await getJSONCache(key);
  if (cached) return res.json(cached);
  const tasks = await prisma.task.findMany({ where: { projectId: req.params.projectId } });
  await setJSONCache(key, tasks);
  return res.json(tasks);
});

router.put('/projects/:projectId/tasks', async (req, res) => {
  await mdTaskUpdateMany(req.body.ids, req.body.data);
  res.json({ ok: true });
});
