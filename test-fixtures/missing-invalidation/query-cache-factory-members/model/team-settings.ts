import { queryCache } from '../cache/query-cache';
import { prisma } from './db';

// destructured members of the instance, one column of the row cached
export const { read: teamSettings, drop: dropTeamSettings } = queryCache('teamSettings', async (teamId: string) => {
  const team = await prisma.team.findUnique({ where: { id: teamId } });
  return team?.settings ?? {};
});

export const { read: teamFlag, drop: dropTeamFlag } = queryCache('teamFlag', async (teamId: string, flag: string) => {
  return prisma.teamFlag.findUnique({ where: { teamId_flag: { teamId, flag } } });
});

export async function saveTeamFlag(teamId: string, flag: string, on: boolean) {
  const row = await prisma.teamFlag.upsert({
    where: { teamId_flag: { teamId, flag } },
    update: { on },
    create: { teamId, flag, on },
  });
  await dropTeamFlag(teamId, flag);
  return row;
}

// look-alike: the flag is looked up and, on a miss, created if absent: an upsert that updates nothing
export async function ensureTeamFlag(teamId: string, flag: string) {
  let row = await teamFlag(teamId, flag);
  if (!row) {
    row = await prisma.teamFlag.upsert({
      where: { teamId_flag: { teamId, flag } },
      update: {},
      create: { teamId, flag, on: false },
    });
  }
  return row;
}
