import Keyv from 'keyv';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const featureCache = new Keyv({ namespace: 'features' });

export async function planFeatures(planId: string): Promise<string[]> {
  const cached = await featureCache.get(`plan:${planId}`);
  if (cached) return cached as string[];
  const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId }, include: { features: true } });
  const names = plan.features.map((f) => f.name);
  await featureCache.set(`plan:${planId}`, names, 300000); // expect: missing-ttl
  return names;
}
