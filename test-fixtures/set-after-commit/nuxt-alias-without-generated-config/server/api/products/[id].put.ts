import { redis } from '~/server/utils/redis';
import { prisma } from '@@/server/utils/db';

export default defineEventHandler(async (event) => {
  const id = getRouterParam(event, 'id')!;
  const { price } = await readBody(event);
  const product = await prisma.product.update({ where: { id }, data: { price } });
  await redis.set(`product:${id}`, JSON.stringify(product), 'EX', 300); // expect: set-after-commit
  return product;
});
