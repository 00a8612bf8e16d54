// Renaming a short link writes the row and the edge cache concurrently: the set can land before the
// update commits, and two renames can leave the older link cached. Swapping the set for a delete in
// the same Promise.all would not help, so no quick fix is offered.
import { Redis } from '@upstash/redis';
import { PrismaClient } from '@prisma/client';

const redis = Redis.fromEnv();
const prisma = new PrismaClient();

export async function renameLink(id: string, domain: string, slug: string) {
  const [link] = await Promise.all([
    prisma.link.update({ where: { id }, data: { slug } }),
    redis.set(`link:${domain}:${slug}`, { id, slug }, { ex: 3600 }), // expect: set-after-commit
  ]);
  return link;
}

export async function recordClick(id: string, domain: string, slug: string) {
  // the row written next to the set is an audit row of another entity: nothing races
  await Promise.all([
    prisma.clickEvent.create({ data: { linkId: id } }),
    redis.set(`link:${domain}:${slug}`, { id, slug }, { ex: 3600 }),
  ]);
}
