import { Router } from 'express';
import { prisma } from '../model/db';
import { ensureTeamFlag, saveTeamFlag, teamFlag, teamSettings, dropTeamSettings } from '../model/team-settings';

export const teams = Router();

teams.get('/:id/settings', async (req, res) => {
  res.json(await teamSettings(req.params.id));
});

teams.put('/:id/settings', async (req, res) => {
  await prisma.team.update({ where: { id: req.params.id }, data: { settings: req.body } }); // expect: missing-invalidation
  res.json({ ok: true });
});

// look-alike: the team's name is not the cached column
teams.put('/:id/name', async (req, res) => {
  await prisma.team.update({ where: { id: req.params.id }, data: { name: req.body.name } });
  res.json({ ok: true });
});

// look-alike: the settings change and the instance's member drops the entry
teams.post('/:id/settings/reset', async (req, res) => {
  await prisma.team.update({ where: { id: req.params.id }, data: { settings: {} } });
  await dropTeamSettings(req.params.id);
  res.json({ ok: true });
});

teams.get('/:id/flags/:flag', async (req, res) => {
  res.json((await teamFlag(req.params.id, req.params.flag)) ?? (await ensureTeamFlag(req.params.id, req.params.flag)));
});

teams.put('/:id/flags/:flag', async (req, res) => {
  res.json(await saveTeamFlag(req.params.id, req.params.flag, !!req.body.on));
});

teams.delete('/:id/flags/:flag', async (req, res) => {
  await prisma.teamFlag.delete({ where: { teamId_flag: { teamId: req.params.id, flag: req.params.flag } } }); // expect: missing-invalidation
  res.json({ ok: true });
});
