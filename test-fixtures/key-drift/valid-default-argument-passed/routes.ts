// valid: the domain is passed, not left to its default
import { PrismaClient } from '@prisma/client';
import { invalidateLinks, redis } from './links';

const prisma = new PrismaClient();

export async function resolve(domain: string, slug: string) {
  const hit = await redis.get(`link:${domain}:${slug}`);
  if (hit) return hit;
  const link = await prisma.link.findUnique({ where: { domain_slug: { domain, slug } } });
  if (link) await redis.set(`link:${domain}:${slug}`, link.url, 'EX', 86_400);
  return link?.url ?? null;
}

/** The delete names the same domain the reads use. */
export async function archive(domain: string, slugs: string[]) {
  await prisma.link.updateMany({ where: { domain, slug: { in: slugs } }, data: { archived: true } });
  await invalidateLinks(slugs, domain);
}
