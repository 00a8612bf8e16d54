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

export async function moveDomain(from: string, to: string) {
  const links = await prisma.link.findMany({ where: { domain: from } });
  await prisma.link.updateMany({ where: { domain: from }, data: { domain: to } });
  await linkCache.mset(links.map((l) => ({ ...l, domain: to }))); // expect: set-after-commit
}
