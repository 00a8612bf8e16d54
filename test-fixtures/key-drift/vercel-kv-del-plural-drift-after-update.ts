import { kv } from '@vercel/kv';
import { sql } from '@vercel/postgres';

export async function team(slug: string) {
  const hit = await kv.get(`team:${slug}`);
  if (hit) return hit;
  const { rows } = await sql`SELECT * FROM teams WHERE slug = ${slug}`;
  await kv.set(`team:${slug}`, rows[0], { ex: 600 });
  return rows[0];
}

export async function renameTeam(slug: string, name: string) {
  await sql`UPDATE teams SET name = ${name} WHERE slug = ${slug}`;
  await kv.del(`teams:${slug}`); // expect: key-drift
}
