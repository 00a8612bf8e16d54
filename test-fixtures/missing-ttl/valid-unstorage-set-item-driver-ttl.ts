// valid: whether unstorage's setItem expires depends on the driver's options, which are not visible here
import { createStorage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const storage = createStorage({ driver: redisDriver({ base: 'app', url: process.env.REDIS_URL }) });

export async function tenant(id: string) {
  const hit = await storage.getItem(`tenant:${id}`);
  if (hit) return hit;
  const row = await prisma.tenant.findUnique({ where: { id } });
  await storage.setItem(`tenant:${id}`, row);
  return row;
}
