// valid: a dashboard aggregate is loaded from orders, but the key does not say it holds orders
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function dashboard(shopId: string) {
  const hit = await redis.get(`dashboard:${shopId}`);
  if (hit) return JSON.parse(hit);
  const rows = await prisma.order.findMany({ where: { shopId }, take: 10 });
  await redis.set(`dashboard:${shopId}`, JSON.stringify(rows), 'EX', 60);
  return rows;
}

export async function refund(id: string) {
  await prisma.order.update({ where: { id }, data: { refunded: true } });
}
