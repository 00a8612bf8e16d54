import { redis } from '$lib/server/cache';
import { db } from '$lib/server/db';

export async function getTeam(id: string) {
  const hit = await redis.get(`team:${id}`);
  if (hit) return JSON.parse(hit);
  const team = await db.team.findUnique({ where: { id } });
  await redis.set(`team:${id}`, JSON.stringify(team), 'EX', 600);
  return team;
}
