import { PrismaClient } from '@prisma/client';
import { RedisCache } from './redis-cache';

const prisma = new PrismaClient();
const teams = new RedisCache('teams');

export async function changePlan(teamId: string, plan: string) {
  await prisma.team.update({ where: { id: teamId }, data: { plan } });
  await teams.delete(teamId); // expect: key-drift
}
