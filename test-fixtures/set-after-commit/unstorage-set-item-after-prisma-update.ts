// unstorage over Redis: writing the updated row races other writers; removeItem lets the next read reload it.
import { createStorage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const storage = createStorage({ driver: redisDriver({ base: 'shop', url: process.env.REDIS_URL }) });

export async function renameProduct(id: string, name: string) {
  const product = await prisma.product.update({ where: { id }, data: { name } });
  await storage.setItem(`product:${id}`, product); // expect: set-after-commit
  return product;
}
