// A lookup from a workspace's slug to its ids: an update of the row by id (whatever it sets) leaves
// the ids as they are, so nothing cached is stale; a delete, a removal or a change of an id column is not that
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import { Router } from 'express';

const redis = new Redis();
const prisma = new PrismaClient();

export async function resolveWorkspace(slug: string) {
  const hit = await redis.get(`workspace:by-slug:${slug}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.workspace.findFirst({ where: { slug } });
  if (!row) return null;
  await redis.set(`workspace:by-slug:${slug}`, JSON.stringify({ workspaceId: row.id, ownerId: row.ownerId }), 'EX', 86400);
  return { workspaceId: row.id, ownerId: row.ownerId };
}

// valid: the payload is the request's, but an update keeps the row's ids
export async function updateWorkspace(id: string, data: { name?: string; plan?: string }) {
  await prisma.workspace.update({ where: { id }, data });
}

export async function deleteWorkspace(id: string) {
  await prisma.workspace.delete({ where: { id } }); // expect: missing-invalidation
}

// an update named for a removal: the ids now point at a row readers should no longer find
export async function removeWorkspace(id: string, changes: { reason?: string }) {
  await prisma.workspace.update({ where: { id }, data: { ...changes, removedAt: new Date() } }); // expect: missing-invalidation
}

export async function transferWorkspace(id: string, ownerId: string) {
  await prisma.workspace.update({ where: { id }, data: { ownerId } }); // expect: missing-invalidation
}

export const router = Router();
router.get('/w/:slug', async (req, res) => res.json(await resolveWorkspace(req.params.slug)));
router.patch('/w/:id', async (req, res) => res.json(await updateWorkspace(req.params.id, req.body)));
router.delete('/w/:id', async (req, res) => res.json(await deleteWorkspace(req.params.id)));
router.post('/w/:id/remove', async (req, res) => res.json(await removeWorkspace(req.params.id, req.body)));
router.post('/w/:id/transfer', async (req, res) => res.json(await transferWorkspace(req.params.id, req.body.ownerId)));
