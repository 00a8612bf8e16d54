import { PrismaClient } from '@prisma/client';
import { CacheKeys } from './keys';
import { redis } from './redis';

const prisma = new PrismaClient();

export async function chargeSeat(orgId: string) {
  const cached = JSON.parse((await redis.get(CacheKeys.org(orgId))) ?? '{}');
  await prisma.invoice.create({ data: { orgId, amount: cached.seatPrice, plan: cached.plan } }); // expect: write-from-cache
}
