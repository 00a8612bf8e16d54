import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function dashboard(orgId: string) {
  const cached = await redis.get(`app:dashboard:v5:${orgId}`);
  if (cached) return JSON.parse(cached);
  const [projects, members] = await Promise.all([
    prisma.project.count({ where: { orgId } }),
    prisma.member.count({ where: { orgId } }),
  ]);
  const data = { projects, members };
  await redis.set(`app:dashboard:v5:${orgId}`, JSON.stringify(data), 'EX', 60);
  return data;
}

export async function archiveProject(orgId: string, projectId: string) {
  await prisma.project.update({ where: { id: projectId }, data: { archived: true } });
  await redis.del(`dashboards:v4:${orgId}`); // expect: key-drift
}
