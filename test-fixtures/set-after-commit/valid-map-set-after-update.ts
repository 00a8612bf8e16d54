// valid: a request-local Map is not a shared cache; `Map.set` after a write cannot go stale across requests
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function bulkRename(renames: { id: string; name: string }[]) {
  const byId = new Map<string, { id: string; name: string }>();
  for (const r of renames) {
    const tag = await prisma.tag.update({ where: { id: r.id }, data: { name: r.name } });
    byId.set(`tag:${tag.id}`, tag);
  }
  return byId;
}
