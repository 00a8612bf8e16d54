// config: {"missingTtl": "all-writes"}
// valid: an export job's to-do set is filled by the job and deleted when it ends: job state, no cache
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function startExport(job: string, accountId: string) {
  const rows = await prisma.invoice.findMany({ where: { accountId }, select: { id: true } });
  await redis.sadd(`export:${job}:todo`, ...rows.map((r) => r.id));
}

export async function nextInvoice(job: string) {
  return redis.spop(`export:${job}:todo`);
}

export async function finishExport(job: string) {
  await redis.del(`export:${job}:todo`);
}
