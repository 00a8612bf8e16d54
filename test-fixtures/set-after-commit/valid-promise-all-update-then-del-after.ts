// The look-alike of a write-through in Promise.all: the row and an audit entry are written together,
// and the cached link is deleted once both are done.
import { Redis } from '@upstash/redis';
import { PrismaClient } from '@prisma/client';

const redis = Redis.fromEnv();
const prisma = new PrismaClient();

export async function renameLink(id: string, domain: string, slug: string, actor: string) {
  const [link] = await Promise.all([
    prisma.link.update({ where: { id }, data: { slug } }),
    prisma.auditEntry.create({ data: { actor, action: 'link.rename', target: id } }),
  ]);
  await redis.del(`link:${domain}:${slug}`);
  return link;
}

export async function warmLink(domain: string, slug: string) {
  // a read next to the set is no write: filling the key from the row it reads is a read-through
  const [link] = await Promise.all([prisma.link.findFirst({ where: { domain, slug } }), redis.get(`link:${domain}:${slug}`)]);
  if (link) await redis.set(`link:${domain}:${slug}`, link, { ex: 3600 });
  return link;
}
