import { Router } from 'express';
import Redis from 'ioredis';
import { EventModel, ProjectModel } from './models';

const redis = new Redis();
export const router = Router();

// the event counts of one project, kept ten minutes
async function eventCounts(projectId: string) {
  const hit = await redis.get(`events:${projectId}`);
  if (hit) return JSON.parse(hit);
  const rows = await EventModel.find({ project_id: projectId }).lean();
  await redis.set(`events:${projectId}`, JSON.stringify(rows), 'EX', 600);
  return rows;
}

router.get('/projects/:id/events', async (req, res) => res.json(await eventCounts(req.params.id)));

// one source's events go: the project's cached events still list them
router.post('/projects/:id/purge', async (req, res) => {
  await EventModel.deleteMany({ project_id: req.params.id, source: req.body.source }); // expect: missing-invalidation
  res.json({ ok: true });
});

// the project goes, and its events with it: nobody can ask for this project's events again
router.delete('/projects/:id', async (req, res) => {
  await ProjectModel.deleteOne({ _id: req.params.id });
  await EventModel.deleteMany({ project_id: req.params.id });
  res.json({ ok: true });
});
