// The set runs next to the update, not after it: it races it all the same, and swapping it for a
// delete in the same Promise.all would not help, so this one has no quick fix.
import { PrismaClient } from '@prisma/client';
import { linkCache } from './link-cache';

const prisma = new PrismaClient();

export async function banLink(id: string) {
  const link = await prisma.link.findUnique({ where: { id } });
  if (!link) return;
  await Promise.all([
    prisma.link.update({ where: { id }, data: { url: 'https://example.com/banned' } }),
    linkCache.set({ ...link, url: 'https://example.com/banned' }), // expect: set-after-commit
  ]);
}
