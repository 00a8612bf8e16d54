// valid: `cache` is an imported Map; its `set` after the update is not a cache-client write
import { PrismaClient } from '@prisma/client';
import { cache } from './cache';

const prisma = new PrismaClient();

export async function reprice(id: string, priceCents: number) {
  const plan = await prisma.plan.update({ where: { id }, data: { priceCents } });
  cache.set(`plan:${id}`, plan);
  return plan;
}
