// valid: the cart lives in Redis (nothing loads it from the database); checkout commits it once
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function addItem(userId: string, sku: string, qty: number) {
  await redis.hset(`cart:${userId}`, sku, String(qty));
}

export async function checkout(userId: string) {
  const items = await redis.hgetall(`cart:${userId}`);
  await prisma.order.create({ data: { userId, items: JSON.stringify(items) } });
  await redis.del(`cart:${userId}`);
}
