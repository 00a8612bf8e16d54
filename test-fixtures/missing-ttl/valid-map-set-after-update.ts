// valid: a Map is an in-process lookup table, not a cache client; Map#set has no expiry to forget
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const pendingRenames = new Map<string, string>();

export async function renameWorkspace(id: string, name: string) {
  const workspace = await prisma.workspace.update({ where: { id }, data: { name } });
  pendingRenames.set(`workspace:${id}`, workspace.name);
  return workspace;
}
