// The lookup caches each project's segment, or 'null' in the else of the found field; adding a project
// never clears the marker, so the new project's segment stays unknown for a week.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function segmentsFor(urls: string[]) {
  const rows = await prisma.project.findMany({ where: { url: { in: urls } }, select: { url: true, segmentId: true } });
  for (const row of rows) {
    if (row.segmentId) {
      await redis.set(`project:${row.url}`, row.segmentId, 'EX', 604_800);
    } else {
      await redis.set(`project:${row.url}`, 'null', 'EX', 604_800);
    }
  }
  return rows;
}

export async function addProject(url: string, segmentId: string) {
  return prisma.project.create({ data: { url, segmentId } }); // expect: negative-cache-on-create
}
