// valid: the cached value only decides whether to write; the data comes from the request
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function touch(id: string, dto: { name: string }) {
  if (await redis.get(`user:${id}`)) {
    await prisma.user.update({ where: { id }, data: { name: dto.name } });
    await redis.del(`user:${id}`);
  }
}
