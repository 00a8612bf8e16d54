import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

const DEFAULT_LIMITS = { requestsPerMinute: 60 };

// readers parse the stored limits into another variable and fall back to a constant on a miss:
// nothing reloads the key, the nightly job below is its only writer
export async function limitsOf(plan: string): Promise<{ requestsPerMinute: number }> {
  let limits: { requestsPerMinute: number } | undefined;
  const raw = await redis.get(`plan-limits:${plan}`);
  if (raw) limits = JSON.parse(raw);
  if (!limits) limits = DEFAULT_LIMITS;
  return limits;
}

export async function publishPlanLimits(): Promise<void> {
  const plans = await prisma.plan.findMany({ select: { name: true, requestsPerMinute: true } });
  for (const p of plans) await redis.set(`plan-limits:${p.name}`, JSON.stringify({ requestsPerMinute: p.requestsPerMinute }));
}
