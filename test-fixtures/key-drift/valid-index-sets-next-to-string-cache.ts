// valid: `products:<category>` and `sessions:<user>` are Redis sets written (and cleared) here, not
// drifted spellings of the string keys `product:<id>` and `session:<sid>` that a get reads
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function product(id: string) {
  const hit = await redis.get(`product:${id}`);
  if (hit) return JSON.parse(hit);
  const p = await prisma.product.findUnique({ where: { id } });
  await redis.set(`product:${id}`, JSON.stringify(p), 'EX', 300);
  return p;
}

export async function session(sid: string) {
  return redis.get(`session:${sid}`);
}

export async function addToCategory(categoryId: string, productId: string) {
  await redis.sadd(`products:${categoryId}`, productId);
  await redis.expire(`products:${categoryId}`, 3600);
}

export async function login(userId: string, sid: string) {
  await redis.sadd(`sessions:${userId}`, sid);
  await redis.expire(`sessions:${userId}`, 86400);
}

export async function logoutEverywhere(userId: string) {
  await redis.del(`sessions:${userId}`);
}
