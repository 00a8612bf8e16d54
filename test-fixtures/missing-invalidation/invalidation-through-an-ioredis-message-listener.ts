// Another service deletes the cached tenant when the auth service publishes on its channel: one
// ioredis listener for every channel, handling the ones it tests for. Suspending a tenant publishes
// on that channel; renaming it publishes on one no listener tests for.
import Redis from 'ioredis';
import { Pool } from 'pg';

const redis = new Redis();
const pub = new Redis();
const sub = new Redis();
const pool = new Pool();

export async function tenant(id: string) {
  const hit = await redis.get(`tenant:valid:${id}`);
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT id, name, status FROM tenants WHERE id = $1', [id]);
  await redis.setex(`tenant:valid:${id}`, 300, JSON.stringify(rows[0]));
  return rows[0];
}

export async function startInvalidation() {
  await sub.subscribe('tenant:cache:invalidate', 'tenant:renamed');
  sub.on('message', async (channel: string, id: string) => {
    if (channel === 'tenant:cache:invalidate') await redis.del(`tenant:valid:${id}`);
  });
}

export async function suspend(id: string) {
  await pool.query("UPDATE tenants SET status = 'suspended' WHERE id = $1", [id]);
  await pub.publish('tenant:cache:invalidate', id);
}

export async function rename(id: string, name: string) {
  await pool.query('UPDATE tenants SET name = $1 WHERE id = $2', [name, id]); // expect: missing-invalidation
  await pub.publish('tenant:renamed', id);
}
