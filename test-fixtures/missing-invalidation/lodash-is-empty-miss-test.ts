// `_isEmpty(cached)` tests that the value is missing: the branch reloads the project from the
// database, so the key is a cache, and an update that never deletes it leaves it stale
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
import _isEmpty from 'lodash/isEmpty';

const redis = new Redis();
const prisma = new PrismaClient();

export async function getProject(pid: string) {
  let project = await redis.get(`project:${pid}`);
  if (_isEmpty(project)) {
    const row = await prisma.project.findUnique({ where: { id: pid } });
    await redis.set(`project:${pid}`, JSON.stringify(row), 'EX', 3600);
    return row;
  }
  return JSON.parse(project!);
}

export async function transferProject(pid: string, organisationId: string) {
  await prisma.project.update({ where: { id: pid }, data: { organisationId } }); // expect: missing-invalidation
}

export async function renameProject(pid: string, name: string) {
  await prisma.project.update({ where: { id: pid }, data: { name } });
  await redis.del(`project:${pid}`);
}
