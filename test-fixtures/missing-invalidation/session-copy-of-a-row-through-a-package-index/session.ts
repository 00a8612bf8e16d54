import { readCache, writeCache } from './cache';
import { prisma } from './db';

// the whole member row, kept a day under the member's id: the key names no table, but its value is
// the row `findUnique` loads by id
export async function currentMember(id: number) {
  const hit = await readCache<object>(`auth:${id}`);
  if (hit) return hit;
  const member = await prisma.member.findUnique({ where: { id } });
  if (!member) return null;
  await writeCache(`auth:${member.id}`, member, 86_400);
  return member;
}

// the invites a member sent, looked up by a column of theirs: no copy of the member row
export async function invitedBy(id: number) {
  const hit = await readCache<object[]>(`invited:${id}`);
  if (hit) return hit;
  const rows = await prisma.invite.findMany({ where: { inviterId: id } });
  await writeCache(`invited:${id}`, rows, 600);
  return rows;
}
