import type { RedisClientType } from 'redis';
import { PrismaClient } from '@prisma/client';
import { NamedCache } from './named-cache';

const prisma = new PrismaClient();

/** One settings list for everyone, cached under the fixed key 'default'. */
export async function attributeSettings(redis: RedisClientType) {
  const cache = new NamedCache('attributes', redis);
  const hit = await cache.get('default');
  if (hit) return JSON.parse(hit);
  const rows = await prisma.attributeSetting.findMany();
  await cache.set('default', JSON.stringify(rows), 600);
  return rows;
}

export async function renameAttribute(redis: RedisClientType, tenant: { id: string }, id: string, label: string) {
  await prisma.attributeSetting.update({ where: { id }, data: { label } });
  const cache = new NamedCache('attributes', redis);
  await cache.delete(tenant.id); // expect: key-drift
}

export async function removeAttribute(redis: RedisClientType, tenantId: string, id: string) {
  await prisma.attributeSetting.delete({ where: { id } });
  await new NamedCache('attributes', redis).delete(tenantId); // expect: key-drift
}
