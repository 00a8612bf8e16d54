import { createClient } from 'redis';
import { db } from './db';

const client = createClient({ url: process.env.REDIS_URL });

// A maker returning an object of closures over its arguments (no class, no wrapper service).
const entityCache = <T>(prefix: string, ttl: number, load: (id: string) => Promise<T>) => ({
  get: async (id: string): Promise<T> => {
    const raw = await client.get(`${prefix}:${id}`);
    if (raw) return JSON.parse(raw) as T;
    const row = await load(id);
    await client.set(`${prefix}:${id}`, JSON.stringify(row), { EX: ttl });
    return row;
  },
  invalidate: async (id: string) => {
    await client.del(`${prefix}:${id}`);
  },
});

export const orgCache = entityCache('organization', 300, (id) => db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst());

export async function showOrg(id: string) {
  return orgCache.get(id);
}

export async function renameOrg(id: string, name: string) {
  await db.updateTable('organization').set({ name }).where('id', '=', id).execute(); // expect: missing-invalidation
}

// look-alike: invalidated through the instance after the update
export async function disableOrg(id: string) {
  await db.updateTable('organization').set({ disabled: true }).where('id', '=', id).execute();
  await orgCache.invalidate(id);
}
