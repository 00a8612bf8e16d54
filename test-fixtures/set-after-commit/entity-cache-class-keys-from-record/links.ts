import { PrismaClient } from '@prisma/client';
import { linkCache } from './link-cache';

const prisma = new PrismaClient();

export async function resolveLink(domain: string, slug: string) {
  const cached = await linkCache.get({ domain, slug });
  if (cached) return cached;
  const link = await prisma.link.findFirst({ where: { domain, slug } });
  if (link) await linkCache.set(link);
  return link;
}

export async function updateLink(id: string, url: string) {
  const link = await prisma.link.update({ where: { id }, data: { url } });
  await linkCache.set(link); // expect: set-after-commit
  return link;
}

/** The set runs next to the update, not after it: it races it all the same. */
export async function banLink(id: string) {
  const link = await prisma.link.findUnique({ where: { id } });
  if (!link) return;
  await Promise.all([
    prisma.link.update({ where: { id }, data: { url: 'https://example.com/banned' } }),
    linkCache.set({ ...link, url: 'https://example.com/banned' }), // expect: set-after-commit
  ]);
}

export async function moveDomain(from: string, to: string) {
  const links = await prisma.link.findMany({ where: { domain: from } });
  await prisma.link.updateMany({ where: { domain: from }, data: { domain: to } });
  await linkCache.mset(links.map((l) => ({ ...l, domain: to }))); // expect: set-after-commit
}
