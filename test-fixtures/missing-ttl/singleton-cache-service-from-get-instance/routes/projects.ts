import { Router } from 'express';
import CacheService from '../services/CacheService';
import { prisma } from '../services/db';

export const projects = Router();

projects.get('/', async (_req, res) => {
  const cached = await CacheService.get<unknown[]>('projects');
  if (cached) return res.json(cached);
  const rows = await prisma.project.findMany({ orderBy: { createdAt: 'desc' } });
  await CacheService.set('projects', rows); // expect: missing-ttl
  res.json(rows);
});

// look-alike: the same wrapper given its TTL
projects.get('/:id', async (req, res) => {
  const key = `project:${req.params.id}`;
  const cached = await CacheService.get<unknown>(key);
  if (cached) return res.json(cached);
  const row = await prisma.project.findUnique({ where: { id: req.params.id } });
  await CacheService.set(key, row, 3600);
  res.json(row);
});
