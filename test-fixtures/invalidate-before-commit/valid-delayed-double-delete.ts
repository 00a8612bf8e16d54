// valid: a delayed double delete: the early delete is followed by a second one after the commit.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

export async function setRole(id: string, role: string) {
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { role } });
    await redis.del(`user:${id}`);
  });
  await redis.del(`user:${id}`);
}
