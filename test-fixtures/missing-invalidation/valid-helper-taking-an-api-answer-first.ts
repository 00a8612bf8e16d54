// valid: the helper takes its value first, but what it stores is the billing API's answer, not an account row
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';
const redis = new Redis();
const prisma = new PrismaClient();
type Plan = { id: string; tier: string };
const planKey = (id: string) => `acct-cache:plan:${id}`;
export async function rememberPlan(plan: Plan) {
  await redis.set(planKey(plan.id), JSON.stringify(plan), 'EX', 600);
}
export async function loadPlan(id: string) {
  const raw = await redis.get(planKey(id));
  if (raw) return JSON.parse(raw) as Plan;
  const res = await fetch(`https://billing.example.com/plans/${id}`);
  const plan = (await res.json()) as Plan;
  await rememberPlan(plan);
  return plan;
}
export async function deactivate(id: string) {
  await prisma.account.update({ where: { id }, data: { active: false } });
}
export const handlers = [loadPlan, rememberPlan, deactivate];
