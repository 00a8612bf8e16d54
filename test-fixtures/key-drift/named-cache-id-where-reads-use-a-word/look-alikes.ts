import type { RedisClientType } from 'redis';
import { PrismaClient } from '@prisma/client';
import { NamedCache } from './named-cache';

const prisma = new PrismaClient();

/** Per-tenant plans: reads use the tenant's id too, so a delete by id is the right key. */
export async function plan(redis: RedisClientType, tenantId: string) {
  const cache = new NamedCache('plans', redis);
  const hit = await cache.get(tenantId);
  if (hit) return JSON.parse(hit);
  const row = await prisma.plan.findUnique({ where: { tenantId } });
  await cache.set(tenantId, JSON.stringify(row), 600);
  return row;
}

/** The global list is also read under 'all', and per tenant: the family holds per-record keys. */
export async function flags(redis: RedisClientType, tenantId?: string) {
  const cache = new NamedCache('flags', redis);
  return tenantId ? cache.get(tenantId) : cache.get('all');
}

export async function changePlan(redis: RedisClientType, tenant: { id: string }) {
  await prisma.plan.update({ where: { tenantId: tenant.id }, data: { tier: 'pro' } });
  await new NamedCache('plans', redis).delete(tenant.id);
  await new NamedCache('flags', redis).delete(tenant.id);
}

/** A migration clears both spellings. */
export async function resetAttributes(redis: RedisClientType, tenant: { id: string }) {
  const cache = new NamedCache('attributes', redis);
  await cache.delete('default');
  await cache.delete(tenant.id);
}

/** A name, not an id: it may well be the word the reads use. */
export async function dropNamed(redis: RedisClientType, name: string) {
  await new NamedCache('attributes', redis).delete(name);
}
