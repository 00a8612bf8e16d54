import type { RedisClientType } from 'redis';
import { Pool } from 'pg';
import { RedisCache } from './redis-cache';

const pool = new Pool();

export async function renameAttribute(redis: RedisClientType, tenantId: string, id: string, label: string) {
  await pool.query('UPDATE "memberAttributeSettings" SET label = $1 WHERE id = $2', [label, id]);
  const cache = new RedisCache('memberAttribute', redis);
  await cache.delete(tenantId); // expect: key-drift
}
