// The hit is tested with has() and answered with get(); the code after it is the miss path, which
// loads the guild and caches it: a cache, so a rename must clear it (and it owes a TTL).
import { LRUCache } from 'lru-cache';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const guilds = new LRUCache<string, object>({ max: 100 });
export async function findGuild(id: string) {
  if (guilds.has(`guild:${id}`)) return guilds.get(`guild:${id}`)!;
  const g = await prisma.guild.findUnique({ where: { id } });
  guilds.set(`guild:${id}`, g!); // expect: missing-ttl
  return g;
}
export async function rename(id: string, name: string) {
  await prisma.guild.update({ where: { id }, data: { name } }); // expect: missing-invalidation
}
