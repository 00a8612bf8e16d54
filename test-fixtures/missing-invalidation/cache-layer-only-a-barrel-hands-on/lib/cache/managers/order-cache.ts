import { redis } from '../redis';
import { prisma } from '../../db';

export async function getOrder(id: string) {
  const hit = await redis.get(`order:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.order.findUnique({ where: { id } });
  await redis.set(`order:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}
