import { redis } from '../redis';
import { prisma } from '../../db';

export async function getPage(id: string) {
  const hit = await redis.get(`page:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.page.findUnique({ where: { id } });
  await redis.set(`page:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}
