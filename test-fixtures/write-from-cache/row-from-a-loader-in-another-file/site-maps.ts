import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

/** The loader reads the site map row: what the cache below holds is a copy of it. */
export async function storedMap(url: string) {
  return prisma.siteMap.findUnique({ where: { url } });
}
