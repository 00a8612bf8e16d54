// valid: the create deletes the marker (and a list key) in one MULTI
import Redis from 'ioredis';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

interface DB {
  pets: { id: string; name: string; owner_id: string };
}

const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new Pool() }) });
const redis = new Redis();

export async function petById(id: string) {
  const cached = await redis.get(`pet:${id}`);
  if (cached === 'null') return null;
  if (cached) return JSON.parse(cached);
  const pet = await db.selectFrom('pets').selectAll().where('id', '=', id).executeTakeFirst();
  await redis.set(`pet:${id}`, pet ? JSON.stringify(pet) : 'null', 'EX', pet ? 600 : 60);
  return pet ?? null;
}

export async function adopt(id: string, name: string, ownerId: string) {
  await db.insertInto('pets').values({ id, name, owner_id: ownerId }).execute();
  await redis.multi().del(`pet:${id}`).del(`owner:${ownerId}:pets`).exec();
}
