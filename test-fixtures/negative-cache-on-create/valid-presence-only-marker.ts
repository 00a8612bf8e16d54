// valid: the empty value marks a recent report; only its presence is asked (EXISTS), never its value
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function checkReport(guildId: string, userId: string) {
  const key = `guild:${guildId}:report:user:${userId}`;
  const pending = await prisma.report.findFirst({ where: { guildId, userId, status: 'pending' } });
  if (pending || (await redis.exists(key))) throw new Error('reported recently');
  await redis.setex(key, 600, '');
}

export async function createReport(guildId: string, userId: string, reason: string) {
  return prisma.report.create({ data: { guildId, userId, reason } });
}
