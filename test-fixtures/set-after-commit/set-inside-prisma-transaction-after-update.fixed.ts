// The cache write sits inside the transaction callback, after the update (before the commit, even).
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

export function transferOwnership(teamId: string, newOwnerId: string) {
  return prisma.$transaction(async (tx) => {
    const team = await tx.team.update({ where: { id: teamId }, data: { ownerId: newOwnerId } });
    await tx.auditLog.create({ data: { action: 'team.transfer', teamId, actorId: newOwnerId } });
    await redis.del(`team:${teamId}`); // expect: set-after-commit
    return team;
  });
}
