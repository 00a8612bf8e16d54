// valid: `staging:` and `prod:` are two namespaces on purpose; each is read where it is deleted
import { createClient } from 'redis';
import { PrismaClient } from '@prisma/client';

const redis = createClient();
const prisma = new PrismaClient();
const env = process.env.NODE_ENV === 'production' ? 'prod' : 'staging';

export async function pricing(planId: string) {
  const raw = env === 'prod' ? await redis.get(`prod:plan:${planId}`) : await redis.get(`staging:plan:${planId}`);
  if (raw) return JSON.parse(raw);
  const plan = await prisma.plan.findUnique({ where: { id: planId } });
  await redis.set(`${env}:plan:${planId}`, JSON.stringify(plan), { EX: 3600 });
  return plan;
}

/** The staging seed script resets staging plans only. */
export async function reseedStaging(planId: string, priceCents: number) {
  await prisma.plan.update({ where: { id: planId }, data: { priceCents } });
  await redis.del(`staging:plan:${planId}`);
}
