// Short links. The redirect route caches a link under link:{slug} for a day; editing a link must
// drop that entry, or the old target keeps being served. Deleting does, after the transaction.
import prisma from '../lib/prisma';
import { redis } from '../lib/redis';

export async function findLink(criteria: { where: { slug: string } }) {
  return prisma.client.link.findUnique(criteria);
}

export async function updateLink(id: string, data: { url?: string; slug?: string }) {
  return prisma.client.link.update({ where: { id }, data }); // expect: missing-invalidation
}

export async function deleteLink(id: string, slug: string) {
  return prisma.client
    .$transaction(async (tx) => {
      await tx.linkClick.deleteMany({ where: { linkId: id } });
      return tx.link.delete({ where: { id } });
    })
    .then(async (link) => {
      await redis.del(`link:${slug}`);
      return link;
    });
}
