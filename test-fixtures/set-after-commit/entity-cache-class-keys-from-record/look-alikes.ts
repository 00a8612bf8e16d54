import { PrismaClient } from '@prisma/client';
import { linkCache } from './link-cache';

const prisma = new PrismaClient();

/** A new row has no older version to bring back. */
export async function createLink(domain: string, slug: string, url: string) {
  const link = await prisma.link.create({ data: { domain, slug, url } });
  await linkCache.set(link);
  return link;
}

/** The invalidation the rule asks for. */
export async function editLink(id: string, url: string) {
  const link = await prisma.link.update({ where: { id }, data: { url } });
  await linkCache.delete(link);
  return link;
}

/** Warming many links read from the database, with no write before. */
export async function warmDomain(domain: string) {
  const links = await prisma.link.findMany({ where: { domain } });
  await linkCache.mset(links);
}

/** A click counter is another row than the link: its update is not what the cache holds. */
export async function countClick(link: { id: string; domain: string; slug: string; url: string }) {
  await prisma.clickEvent.update({ where: { id: link.id }, data: { count: { increment: 1 } } });
  await linkCache.set(link);
}
