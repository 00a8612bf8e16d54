// valid: the lookup caches two ids of the segment, built in a const before the set; renaming the
// segment changes neither
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function resolveSegment(slug: string) {
  const hit = await redis.get(`segment:lookup:${slug}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.segment.findFirst({ where: { slug } });
  if (!row) return null;
  const value = { segmentId: row.id, integrationId: row.integrationId };
  await redis.set(`segment:lookup:${slug}`, JSON.stringify(value), 'EX', 86400);
  return value;
}

export async function renameSegment(id: string, name: string) {
  await prisma.segment.update({ where: { id }, data: { name } });
}
