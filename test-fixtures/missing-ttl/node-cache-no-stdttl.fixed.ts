import NodeCache from 'node-cache';
import { Pool } from 'pg';

const pool = new Pool();
const settingsCache = new NodeCache({ checkperiod: 120, useClones: false });

export async function getTenantSettings(tenantId: string): Promise<Record<string, unknown>> {
  const key = `tenant:settings:${tenantId}`;
  const hit = settingsCache.get<Record<string, unknown>>(key);
  if (hit !== undefined) return hit;
  const { rows } = await pool.query('SELECT settings FROM tenants WHERE id = $1', [tenantId]);
  const settings = rows[0]?.settings ?? {};
  settingsCache.set(key, settings, 300); // expect: missing-ttl
  return settings;
}
