// config: {"defaultTtlSeconds": 60}
import { createClient } from 'redis';
import { Knex } from 'knex';

const redis = createClient({ url: process.env.REDIS_URL });

export async function featureFlags(db: Knex, tenantId: string) {
  const cached = await redis.get(`flags:${tenantId}`);
  if (cached) return JSON.parse(cached) as string[];
  const rows = await db('feature_flags').where({ tenant_id: tenantId, enabled: true }).pluck('name');
  await redis.set(`flags:${tenantId}`, JSON.stringify(rows)); // expect: missing-ttl
  await redis.set(`flags:seen:${tenantId}`, '1', { NX: true });
  return rows;
}
