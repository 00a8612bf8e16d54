// The only keys of users besides the deleted one are a session index (a sorted set the application
// keeps, nothing reloads it): no cache of users the delete could have been meant for.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function addSession(userId: string, sessionId: string) {
  await redis.zadd(`user:sessions:${userId}`, Date.now(), sessionId);
}

export async function listSessions(userId: string) {
  return redis.zrange(`user:sessions:${userId}`, 0, -1);
}

export async function getTeam(teamId: string) {
  const cached = await redis.get(`team:settings:${teamId}`);
  if (cached) return JSON.parse(cached);
  const team = await prisma.team.findUnique({ where: { id: teamId } });
  await redis.set(`team:settings:${teamId}`, JSON.stringify(team), 'EX', 600);
  return team;
}

export async function renameUser(userId: string, name: string) {
  await prisma.user.update({ where: { id: userId }, data: { name } });
  await redis.del(`user:${userId}`);
}

export async function renameTeam(teamId: string, name: string) {
  await prisma.team.update({ where: { id: teamId }, data: { name } });
  // teams are cached under team:settings:<id>; team:<id> is never cached anywhere
  await redis.del(`team:${teamId}`); // expect: key-drift
}
