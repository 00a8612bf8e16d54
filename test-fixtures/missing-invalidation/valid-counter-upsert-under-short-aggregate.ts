// valid: the cached monthly usage is a sum of per-day counters; each event counts its day up, and the
// aggregate lagging a minute behind is what caching a counted row accepts
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function monthUsage(teamId: string) {
  const hit = await redis.get(`usage:this-month:${teamId}`);
  if (hit) return JSON.parse(hit);
  const days = await prisma.dailyUsage.findMany({ where: { teamId } });
  await redis.set(`usage:this-month:${teamId}`, JSON.stringify(days), 'EX', 60);
  return days;
}

export async function onDelivered(teamId: string, date: string, field: 'sent' | 'bounced', hard: boolean) {
  await prisma.dailyUsage.upsert({
    where: { teamId_date: { teamId, date } },
    create: { teamId, date, sent: field === 'sent' ? 1 : 0, bounced: field === 'bounced' ? 1 : 0 },
    update: {
      [field]: { increment: 1 },
      ...(hard ? { hardBounced: { increment: 1 } } : {}),
    },
  });
}
