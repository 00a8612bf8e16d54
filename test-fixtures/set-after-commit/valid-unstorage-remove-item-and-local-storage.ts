// valid: the cache entry is removed after the update; localStorage is the browser's, not a cache client
import { createStorage } from 'unstorage';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const storage = createStorage();

export async function renameProduct(id: string, name: string) {
  const product = await prisma.product.update({ where: { id }, data: { name } });
  await storage.removeItem(`product:${id}`);
  localStorage.setItem(`product:${id}`, JSON.stringify(product));
  return product;
}
