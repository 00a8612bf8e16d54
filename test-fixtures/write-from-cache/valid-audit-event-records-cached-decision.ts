// valid: the new event row records a decision made on cached usage (an append-only record of what
// was seen when it was written), and the notification quotes the cached order's code
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

async function cachedUsage(teamId: string) {
  const raw = await redis.get(`usage:${teamId}`);
  if (raw) return JSON.parse(raw);
  const usage = await prisma.usage.findUnique({ where: { teamId } });
  await redis.set(`usage:${teamId}`, JSON.stringify(usage), 'EX', 60);
  return usage;
}

async function cachedOrder(id: string) {
  const raw = await redis.get(`order:${id}`);
  if (raw) return JSON.parse(raw);
  const order = await prisma.order.findUnique({ where: { id } });
  await redis.set(`order:${id}`, JSON.stringify(order), 'EX', 600);
  return order;
}

export async function send(emailId: string, teamId: string) {
  const usage = await cachedUsage(teamId);
  if (usage.sent >= usage.limit) {
    await prisma.emailEvent.create({ data: { emailId, status: 'FAILED', data: { reason: 'limit', limit: usage.limit } } });
    return;
  }
}

export async function shipped(orderId: string, userId: string) {
  const order = await cachedOrder(orderId);
  await prisma.notification.create({ data: { userId, content: `Order ${order.code} has shipped`, total: order.total } });
}
