// config: {"missingTtl": "all-writes"}
// valid: a replica of config rows written from the database and read as it is, never reloaded on
// a miss: Redis holds the data, and a TTL would only make reads come back empty
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function publishConfig(tenantId: string) {
  const row = await prisma.tenantConfig.findUnique({ where: { tenantId } });
  await redis.set(`tenant-config:${tenantId}`, JSON.stringify(row));
}

export async function tenantConfig(tenantId: string) {
  const raw = await redis.get(`tenant-config:${tenantId}`);
  return JSON.parse(raw ?? '{}');
}
