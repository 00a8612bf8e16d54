import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
const redis = new Redis();
const prisma = new PrismaClient();

export async function eventByName(projectId: string, name: string) {
  const key = `project:${projectId}:event:${name}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit);
  const ev = await prisma.event.findFirst({ where: { projectId, name } });
  await redis.set(key, JSON.stringify(ev), 'EX', 86400);
  return ev;
}

export async function renameTemplateEvents(projectId: string, templateId: string, subject: string) {
  const events = await prisma.event.findMany({ where: { templateId } });
  for (const e of events) {
    await prisma.event.update({ where: { id: e.id }, data: { name: `${subject}-opened` } }); // expect: missing-invalidation
  }
  await redis.del(`project:${projectId}:templates`);
}

export async function templatesOf(projectId: string) {
  const hit = await redis.get(`project:${projectId}:templates`);
  if (hit) return JSON.parse(hit);
  const rows = await prisma.template.findMany({ where: { projectId } });
  await redis.set(`project:${projectId}:templates`, JSON.stringify(rows), 'EX', 3600);
  return rows;
}
