// valid: an in-process Map of pending edits is no cache client
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const pending = new Map<string, { name: string }>();

export async function commit(id: string) {
  const draft = pending.get(id);
  if (!draft) return;
  await prisma.user.update({ where: { id }, data: draft });
  pending.delete(id);
}
