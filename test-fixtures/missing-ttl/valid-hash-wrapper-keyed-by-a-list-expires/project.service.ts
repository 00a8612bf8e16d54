// valid: every write of the project hash goes through hsetFor, which expires the key.
import { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { CKEY, hgetAll, hsetFor } from './redis';

const prisma = new PrismaClient();

export const projectById = async (id: string) => {
  const cached = await hgetAll([CKEY.PROJECT, id]);
  if (cached) return cached;
  const project = await prisma.project.findFirst({ where: { id } });
  if (!project) return null;
  await hsetFor([CKEY.PROJECT, id], project, 600);
  return project;
};

export const router = Router();
router.get('/projects/:id', async (req, res) => res.json(await projectById(req.params.id)));
