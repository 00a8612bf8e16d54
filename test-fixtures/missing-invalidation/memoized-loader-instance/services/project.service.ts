import { PrismaClient } from '@prisma/client';
import { memoize } from '../lib/cache';

export const prisma = new PrismaClient();

export function getProjectById(id: string) {
  return prisma.project.findUnique({ where: { id } });
}

export const getProjectByIdCached = memoize('project', getProjectById, 3600);
