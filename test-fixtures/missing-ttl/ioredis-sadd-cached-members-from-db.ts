// A membership set loaded from the database when it is missing is a cache of those rows.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function teamMemberIds(teamId: string): Promise<string[]> {
  const cached = await redis.smembers(`team:${teamId}:members`);
  if (cached.length > 0) return cached;
  const members = await prisma.membership.findMany({ where: { teamId }, select: { userId: true } });
  const ids = members.map((m) => m.userId);
  if (ids.length > 0) await redis.sadd(`team:${teamId}:members`, ...ids); // expect: missing-ttl
  return ids;
}
