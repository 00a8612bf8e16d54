// The cached config is written from the database, but its reader uses what it finds as it is:
// a TTL alone would make reads come back empty, so the finding says so and offers no TTL.
import Redis from 'ioredis';
import { PrismaClient } from '@prisma/client';

const redis = new Redis();
const prisma = new PrismaClient();

export async function publishConfig(tenantId: string) {
  const row = await prisma.tenantConfig.findUnique({ where: { tenantId } });
  await redis.set(`tenant-config:${tenantId}`, JSON.stringify(row)); // expect: missing-ttl
}

export async function tenantConfig(tenantId: string) {
  const raw = await redis.get(`tenant-config:${tenantId}`);
  return JSON.parse(raw ?? '{}');
}
