// valid: only the id of the cached copy is used, to pick the row; ids do not go stale
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function rename(slug: string, name: string) {
  const u = JSON.parse((await redis.get(`user:slug:${slug}`))!);
  await prisma.user.update({ where: { id: u.id }, data: { name } });
  await redis.del(`user:slug:${slug}`);
}
