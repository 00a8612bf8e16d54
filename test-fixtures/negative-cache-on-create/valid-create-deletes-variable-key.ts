// valid: the create deletes a key computed at run time, which may well be the marker's key
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

function cacheKeyFor(entity: string, id: string): string {
  return [entity, id].join(':');
}

export async function getCoupon(code: string) {
  const cached = await redis.get(`coupon:${code}`);
  if (cached === '__missing__') return null;
  if (cached) return JSON.parse(cached);
  const coupon = await prisma.coupon.findUnique({ where: { code } });
  await redis.set(`coupon:${code}`, coupon ? JSON.stringify(coupon) : '__missing__', 'EX', 90);
  return coupon;
}

export async function createCoupon(code: string, percentOff: number) {
  const coupon = await prisma.coupon.create({ data: { code, percentOff } });
  await redis.del(cacheKeyFor('coupon', coupon.code));
  return coupon;
}
