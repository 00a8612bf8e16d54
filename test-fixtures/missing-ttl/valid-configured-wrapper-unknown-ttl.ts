// config: {"wrappers": ["TenantCache"]}
// valid: TenantCache is listed in `wrappers` but its TTL handling is not visible: the rule never guesses
import { TenantCache } from '@acme/tenant-cache';
import { Knex } from 'knex';

export async function tenantPlan(cache: TenantCache, db: Knex, tenantId: string) {
  const hit = await cache.get(`plan:${tenantId}`);
  if (hit) return hit;
  const plan = await db('plans').join('tenants', 'tenants.plan_id', 'plans.id').where('tenants.id', tenantId).first();
  await cache.set(`plan:${tenantId}`, plan);
  return plan;
}
