// valid: INCR, SADD and EXPIRE after an update change counters and sets; none stores a copy of the row
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function featureProduct(id: string) {
  await prisma.product.update({ where: { id }, data: { featured: true } });
  await redis.sadd('product:featured', id);
  await redis.expire('product:featured', 86_400);
  await redis.incr('product:featured:version');
  await redis.expire(`product:${id}`, 1);
}
