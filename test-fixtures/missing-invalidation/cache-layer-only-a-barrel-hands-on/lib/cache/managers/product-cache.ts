import { redis } from '../redis';
import { prisma } from '../../db';

export async function getProduct(id: string) {
  const hit = await redis.get(`product:${id}`);
  if (hit) return JSON.parse(hit);
  const row = await prisma.product.findUnique({ where: { id } });
  await redis.set(`product:${id}`, JSON.stringify(row), 'EX', 600);
  return row;
}
