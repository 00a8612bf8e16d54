import { createClient } from 'redis';
import { DataSource } from 'typeorm';

const client = createClient();

export async function cacheUserRoles(ds: DataSource, userId: string) {
  const rows: { role: string; scope: string }[] = await ds.manager.query('SELECT role, scope FROM user_roles WHERE user_id = $1', [userId]);
  const byScope = Object.fromEntries(rows.map((r) => [r.scope, r.role]));
  await client.HSET(`roles:${userId}`, byScope); // expect: missing-ttl
  await client.EXPIRE(`roles:${userId}`, 300);
  return byScope;
}
