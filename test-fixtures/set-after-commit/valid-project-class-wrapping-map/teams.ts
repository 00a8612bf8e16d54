// valid: the store's `set` after the update writes a Map, not a cache client
import { PrismaClient } from '@prisma/client';
import { RedisLikeStore } from './memo-store';

const prisma = new PrismaClient();
const store = new RedisLikeStore<{ id: string; name: string }>();

export async function renameTeam(id: string, name: string) {
  const team = await prisma.team.update({ where: { id }, data: { name } });
  store.set(`team:${id}`, team, 10_000);
  return team;
}
