import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = await createClient({ url: process.env.REDIS_URL }).connect();
const prisma = new PrismaClient();

export async function cart(userId) {
  const raw = await redis.get(`cart:user:${userId}`);
  if (raw) return JSON.parse(raw);
  const items = await prisma.cartItem.findMany({ where: { userId } });
  await redis.set(`cart:user:${userId}`, JSON.stringify(items), { EX: 900 });
  return items;
}

export async function checkout(userId) {
  await prisma.cartItem.deleteMany({ where: { userId } });
  await redis
    .multi()
    .del(`cart:users:${userId}`) // expect: key-drift
    .incr(`stats:checkouts:${userId}`)
    .exec();
}
