import type { RedisClientType } from 'redis';
import { Pool } from 'pg';
import { RedisCache } from './redis-cache';

export class MemberAttributesRepo {
  private readonly cache: RedisCache;

  constructor(
    redis: RedisClientType,
    private readonly pool: Pool,
  ) {
    this.cache = new RedisCache('memberAttributes', redis);
  }

  async forTenant(tenantId: string) {
    const hit = await this.cache.get(tenantId);
    if (hit) return JSON.parse(hit);
    const { rows } = await this.pool.query('SELECT * FROM "memberAttributeSettings" WHERE "tenantId" = $1', [tenantId]);
    await this.cache.set(tenantId, JSON.stringify(rows), 1800);
    return rows;
  }
}
