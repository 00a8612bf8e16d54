// valid: the transaction only reads (a consistent snapshot) before filling the cache
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function warmDashboard(teamId: string) {
  const [team, members] = await prisma.$transaction([
    prisma.team.findUniqueOrThrow({ where: { id: teamId } }),
    prisma.member.findMany({ where: { teamId } }),
  ]);
  await redis.set(`team:${teamId}`, JSON.stringify({ ...team, members }), 'EX', 300);
}
