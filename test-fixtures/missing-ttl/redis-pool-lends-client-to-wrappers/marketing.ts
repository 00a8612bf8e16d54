import { PrismaClient } from '@prisma/client';
import { getRedisObject, setRedisObject, setRedisObjectWithExpiry } from './redis';

const prisma = new PrismaClient();

export async function marketingCta(userId: string) {
  const hit = await getRedisObject(`boot:marketing_cta:${userId}`);
  if (hit) return JSON.parse(hit);
  const cta = await prisma.marketingCta.findFirst({ where: { userId } });
  await setRedisObject(`boot:marketing_cta:${userId}`, JSON.stringify(cta)); // expect: missing-ttl
  return cta;
}

export async function banner(userId: string) {
  const hit = await getRedisObject(`boot:banner:${userId}`);
  if (hit) return JSON.parse(hit);
  const b = await prisma.banner.findFirst({ where: { userId } });
  await setRedisObjectWithExpiry(`boot:banner:${userId}`, JSON.stringify(b), 3600);
  return b;
}
