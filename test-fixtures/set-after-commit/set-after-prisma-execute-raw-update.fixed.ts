// A raw UPDATE through Prisma's $executeRaw, then a keyv write-through.
import Keyv from 'keyv';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const keyv = new Keyv({ ttl: 60_000 });

export async function incrementViews(slug: string) {
  await prisma.$executeRaw`UPDATE "Page" SET views = views + 1 WHERE slug = ${slug}`;
  const page = await prisma.page.findUniqueOrThrow({ where: { slug } });
  await keyv.delete(`page:${slug}`); // expect: set-after-commit
  return page;
}
