import { Pool } from 'pg';
import Redis from 'ioredis';

const pool = new Pool();
const redis = new Redis();

export async function attributeSettings() {
  const hit = await redis.get('attribute-settings');
  if (hit) return JSON.parse(hit);
  const { rows } = await pool.query('SELECT * FROM "attributeSettings"');
  await redis.set('attribute-settings', JSON.stringify(rows), 'EX', 1800);
  return rows;
}

/** The package's index exports it, and the worker below calls it: the cached settings keep the old options. */
export async function addAttributeOption(name: string, option: string) {
  await pool.query('UPDATE "attributeSettings" SET options = array_append(options, $1) WHERE name = $2', [option, name]); // expect: missing-invalidation
}

/** A leftover of an old worker: the package publishes its sources to the workspace, and nothing there names it. */
export async function setAttributeOptions(id: string, options: string[]) {
  await pool.query('UPDATE "attributeSettings" SET options = $1 WHERE id = $2', [options, id]);
}
