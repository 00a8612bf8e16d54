// valid: the drifted-looking `product:<id>` keys live in a Map (a per-request memo), not in Redis
import Redis from 'ioredis';
import { PrismaClient, type Product } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();
const memo = new Map<string, Product | null>();

export async function getProduct(id: string) {
  const cached = await redis.get(`product:v2:${id}`);
  if (cached) return JSON.parse(cached) as Product;
  const product = await prisma.product.findUnique({ where: { id } });
  if (product) await redis.set(`product:v2:${id}`, JSON.stringify(product), 'EX', 300);
  return product;
}

export async function getProductMemo(id: string) {
  if (memo.has(`product:${id}`)) return memo.get(`product:${id}`) ?? null;
  const product = await getProduct(id);
  memo.set(`product:${id}`, product);
  return product;
}

export async function discontinue(id: string) {
  await prisma.product.update({ where: { id }, data: { discontinued: true } });
  await redis.del(`product:v2:${id}`);
  memo.delete(`product:${id}`);
  memo.delete(`products:${id}`);
}
