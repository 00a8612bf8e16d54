// The delete runs in the .then() after the transaction, not inside it: the write's flow is the
// whole function, callbacks included, so this write does invalidate its key.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

export async function getTeam(id: string) {
  const hit = await redis.get(`team:${id}`);
  if (hit) return JSON.parse(hit);
  const team = await prisma.team.findUnique({ where: { id } });
  if (team) await redis.set(`team:${id}`, JSON.stringify(team), 'EX', 3600);
  return team;
}

export async function deleteTeam(id: string) {
  return prisma
    .$transaction(async (tx) => {
      await tx.teamUser.deleteMany({ where: { teamId: id } });
      return tx.team.delete({ where: { id } });
    })
    .then(async (team) => {
      await redis.del(`team:${id}`);
      return team;
    });
}
