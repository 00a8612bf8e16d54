import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function rename(id: string, name: string) {
  const raw = await redis.get(`customer:${id}`);
  if (!raw) throw new Error('expired');
  const { id: customerId, orders, ...profile } = JSON.parse(raw);
  await prisma.customer.update({ where: { id: customerId }, data: { ...profile, name } }); // expect: write-from-cache
  await redis.del(`customer:${id}`);
}
