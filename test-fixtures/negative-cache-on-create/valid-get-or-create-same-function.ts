// valid: the function that caches the miss is the one that creates the row, and it replaces the marker itself
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function ensureCart(userId: string, create: boolean) {
  const cached = await redis.get(`cart:${userId}`);
  if (cached && cached !== 'null') return JSON.parse(cached);
  let cart = await prisma.cart.findUnique({ where: { userId } });
  if (!cart && !create) {
    await redis.set(`cart:${userId}`, 'null', 'EX', 30);
    return null;
  }
  cart ??= await prisma.cart.create({ data: { userId } });
  await redis.set(`cart:${userId}`, JSON.stringify(cart), 'EX', 300);
  return cart;
}
