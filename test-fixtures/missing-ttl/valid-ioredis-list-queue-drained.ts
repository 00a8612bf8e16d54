// config: {"missingTtl": "all-writes"}
// valid: a list pushed by one function and drained with LRANGE + LTRIM by another is a queue
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function audit(e: { actor: string; action: string }) {
  await redis.rpush('audit:pending', JSON.stringify(e));
}

export async function flushAudit() {
  const rows = await redis.lrange('audit:pending', 0, 99);
  if (rows.length === 0) return;
  await prisma.auditLog.createMany({ data: rows.map((r) => JSON.parse(r)) });
  await redis.ltrim('audit:pending', rows.length, -1);
}
