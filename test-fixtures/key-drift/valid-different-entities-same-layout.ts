// valid: `user:<id>` and `team:<id>` are two entities with the same layout, not one key drifting
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();

export async function user(id: string) {
  const raw = await redis.get(`user:${id}`);
  if (raw) return JSON.parse(raw);
  const u = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(u), { EX: 300 });
  return u;
}

export async function team(id: string) {
  const raw = await redis.get(`team:${id}`);
  if (raw) return JSON.parse(raw);
  const t = await prisma.team.findUnique({ where: { id } });
  await redis.set(`team:${id}`, JSON.stringify(t), { EX: 300 });
  return t;
}

export async function joinTeam(userId: string, teamId: string) {
  await prisma.membership.create({ data: { userId, teamId } });
  await redis.del(`user:${userId}`);
  await redis.del(`team:${teamId}`);
}
