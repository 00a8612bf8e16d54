// The lookup returns early when it finds the coupon; the marker written after that runs only on a miss.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function coupon(code: string) {
  const hit = await redis.get(`coupon:${code}`);
  if (hit === 'null') return null;
  if (hit) return JSON.parse(hit);
  const row = await prisma.coupon.findUnique({ where: { code } });
  if (row) {
    await redis.set(`coupon:${code}`, JSON.stringify(row), 'EX', 300);
    return row;
  }
  await redis.set(`coupon:${code}`, 'null', 'EX', 300);
  return null;
}

export async function issueCoupon(code: string, percent: number) {
  return prisma.coupon.create({ data: { code, percent } }); // expect: negative-cache-on-create
}
