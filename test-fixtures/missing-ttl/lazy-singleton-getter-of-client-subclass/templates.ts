import getRedis from './utils/getRedis';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function publicTemplates(type: string) {
  const redis = getRedis();
  const hit = await redis.get(`publicTemplates:${type}`);
  if (hit) return JSON.parse(hit);
  const rows = await prisma.meetingTemplate.findMany({ where: { type } });
  await redis.set(`publicTemplates:${type}`, JSON.stringify(rows)); // expect: missing-ttl
  return rows;
}
