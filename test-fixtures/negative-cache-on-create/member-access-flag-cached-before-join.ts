// `hasAccess` false says the user is no member of the team: creating the membership must clear it
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function canAccessTeam(userId: string, teamId: string): Promise<boolean> {
  const cached = await redis.get(`team-member:${teamId}:${userId}`);
  if (cached !== null) return cached === 'true';
  const hasAccess = (await prisma.teamMember.count({ where: { teamId, userId } })) > 0;
  await redis.set(`team-member:${teamId}:${userId}`, String(hasAccess), 'EX', 1800);
  return hasAccess;
}

export async function acceptInvite(teamId: string, userId: string) {
  await prisma.teamMember.create({ data: { teamId, userId } }); // expect: negative-cache-on-create
}
