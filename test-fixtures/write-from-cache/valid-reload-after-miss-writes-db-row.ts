// valid: the write uses the row loaded from the database, not the cached copy
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function addPoints(id: string, n: number) {
  const cached = await redis.get(`user:${id}`);
  if (cached && JSON.parse(cached).frozen) return;
  const row = await prisma.user.findUniqueOrThrow({ where: { id } });
  await prisma.user.update({ where: { id }, data: { points: row.points + n } });
  await redis.del(`user:${id}`);
}
