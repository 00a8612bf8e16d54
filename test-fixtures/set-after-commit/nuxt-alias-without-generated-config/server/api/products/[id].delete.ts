import { redis } from '@/server/utils/redis';
import { prisma } from '~~/server/utils/db';

export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id')!;
  await prisma.product.update({ where: { id }, data: { archived: true } });
  await redis.del(`product:${id}`);
  return { ok: true };
});
