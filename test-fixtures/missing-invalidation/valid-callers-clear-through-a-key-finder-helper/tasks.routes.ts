// valid: the task query results are cached per project and query; the bulk update is imported
// through two barrels (db/index.ts, then db/lib/index.ts) and its route deletes every
// cached query of the project (KEYS TASK_QUERY_<project>* then DEL each) after the write.
import { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { mdTaskUpdateMany } from './db';
import { CKEY, findNDelCaches, getJSONCache, setJSONCache } from './redis';

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
  const key = [CKEY.TASK_QUERY, req.params.projectId];
  await mdTaskUpdateMany(req.body.ids, req.body.data);
  await findNDelCaches(key);
  res.json({ ok: true });
});
