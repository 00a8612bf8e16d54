import { redis } from '~/server/utils/redis';
import { prisma } from '~~/server/utils/db';

export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id')!;
  const hit = await redis.get(`product:${id}`);
  if (hit) return JSON.parse(hit);
  const product = await prisma.product.findUnique({ where: { id } });
  await redis.set(`product:${id}`, JSON.stringify(product), 'EX', 300);
  return product;
});
