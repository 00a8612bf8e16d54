import { BentoCache, bentostore } from 'bentocache';
import { memoryDriver } from 'bentocache/drivers/memory';
import { PrismaClient } from '@prisma/client';
import { Router } from 'express';

const prisma = new PrismaClient();
const bento = new BentoCache({
  default: 'memory',
  stores: { memory: bentostore().useL1Layer(memoryDriver({ maxSize: '10mb' })) },
});
const teams = bento.namespace('teams');

// each team is read through the cache, with its members
export function getTeam(id: string) {
  return teams.getOrSet({
    key: `team:${id}`,
    factory: () => prisma.team.findUnique({ where: { id }, include: { members: true } }),
  });
}

export async function renameTeam(id: string, name: string) {
  await prisma.team.update({ where: { id }, data: { name } }); // expect: missing-invalidation
  await teams.delete({ key: `team:${id}` });
}

export async function archiveTeam(id: string) {
  await prisma.team.update({ where: { id }, data: { archived: true } });
  await teams.delete({ key: `team:${id}` });
}

// the whole namespace goes: every team key with it
export async function importTeams(rows: { id: string; name: string }[]) {
  for (const row of rows) await prisma.team.update({ where: { id: row.id }, data: { name: row.name } });
  await teams.clear();
}

export const router = Router();
router.get('/teams/:id', async (req, res) => res.json(await getTeam(req.params.id)));
router.put('/teams/:id', async (req, res) => res.json(await renameTeam(req.params.id, req.body.name)));
router.delete('/teams/:id', async (req, res) => res.json(await archiveTeam(req.params.id)));
router.post('/teams/import', async (req, res) => res.json(await importTeams(req.body)));
