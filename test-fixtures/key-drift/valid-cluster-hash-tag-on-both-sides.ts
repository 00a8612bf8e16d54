// valid: the delete keeps the hash tag the reads use
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis.Cluster([{ host: 'redis-0', port: 6379 }]);
const prisma = new PrismaClient();

export async function failures(tenant: string, id: string) {
  const hit = await redis.get(`{${tenant}}-${id}-failure`);
  if (hit !== null) return Number(hit);
  const n = await prisma.delivery.count({ where: { tenant, webhookId: id, ok: false } });
  await redis.set(`{${tenant}}-${id}-failure`, String(n), 'EX', 300);
  return n;
}

export async function resetFailures(tenant: string, id: string) {
  await prisma.delivery.deleteMany({ where: { tenant, webhookId: id, ok: false } });
  await redis.del(`{${tenant}}-${id}-failure`);
}
