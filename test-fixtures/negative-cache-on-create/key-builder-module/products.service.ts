import { PrismaClient } from '@prisma/client';
import { cache } from './cache';
import { CacheKeys } from './cache-keys';

const prisma = new PrismaClient();

export async function getProduct(id: string) {
  const cached = await cache.get(CacheKeys.product(id));
  if (cached !== null) return JSON.parse(cached);
  const product = await prisma.product.findUnique({ where: { id } });
  await cache.set(CacheKeys.product(id), product ? JSON.stringify(product) : 'null', { EX: product ? 600 : 60 });
  return product;
}

export async function listProducts(page: number) {
  const cached = await cache.get(CacheKeys.productList(page));
  if (cached !== null) return JSON.parse(cached);
  const products = await prisma.product.findMany({ skip: (page - 1) * 20, take: 20 });
  await cache.set(CacheKeys.productList(page), JSON.stringify(products), { EX: 120 });
  return products;
}
