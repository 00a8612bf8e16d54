import { PrismaClient } from '@prisma/client';
import { cache } from '../lib/cache';

const prisma = new PrismaClient();

export async function getBilling(organizationId: string) {
  const hit = await cache.get(`billing:${organizationId}`);
  if (hit) return hit;
  const billing = await prisma.organizationBilling.findUnique({ where: { organizationId } });
  await cache.set(`billing:${organizationId}`, billing, 60_000);
  return billing;
}

export async function changePlan(organizationId: string, plan: string) {
  await prisma.organizationBilling.update({ where: { organizationId }, data: { plan } });
  await cache.del([`billing:${organizationId}`]);
}

export async function addSeats(organizationId: string, seats: number) {
  await prisma.organizationBilling.update({ where: { organizationId }, data: { seats } }); // expect: missing-invalidation
}
