// valid: the delete runs after the awaited transaction has committed.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

export async function rename(id: string, name: string) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { name } });
    await tx.auditLog.create({ data: { action: 'user.rename', userId: id } });
  });
  await redis.del(`user:${id}`);
}
