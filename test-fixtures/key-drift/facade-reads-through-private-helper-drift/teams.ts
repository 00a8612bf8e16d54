import { PrismaClient } from '@prisma/client';
import { teamCache } from './team-cache';

const prisma = new PrismaClient();

export async function teamOf(teamId: string) {
  const hit = await teamCache.get(teamId);
  if (hit) return hit;
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId } });
  await teamCache.set(teamId, team);
  return team;
}

// look-alike: deletes the key the reads use, through the same facade
export async function rename(teamId: string, name: string) {
  await prisma.team.update({ where: { id: teamId }, data: { name } });
  await teamCache.delete(teamId);
}
