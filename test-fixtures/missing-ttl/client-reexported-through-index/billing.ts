import { redis } from './lib-index';
import { prisma } from './prisma';

export async function activePlan(accountId: string) {
  const cached = await redis.get(`plan:active:${accountId}`);
  if (cached) return JSON.parse(cached);
  const plan = await prisma.subscription.findFirst({ where: { accountId, status: 'active' }, include: { plan: true } });
  await redis.set(`plan:active:${accountId}`, JSON.stringify(plan)); // expect: missing-ttl
  return plan;
}
