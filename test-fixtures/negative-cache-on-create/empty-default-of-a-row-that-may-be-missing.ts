// The page's html is cached even when no page was found (`page?.html ?? ''` is '' then), and
// creating that page never clears it: the new page stays blank for five minutes.
import { Keyv } from 'keyv';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const cache = new Keyv({ ttl: 5 * 60 * 1000 });

export async function pageHtml(slug: string): Promise<string> {
  const cached = await cache.get(`static-page:${slug}`);
  if (cached != null) return String(cached);
  const page = await prisma.page.findUnique({ where: { slug } });
  const html = page?.html ?? '';
  await cache.set(`static-page:${slug}`, html);
  return html;
}

export async function createPage(slug: string, html: string) {
  return prisma.page.create({ data: { slug, html } }); // expect: negative-cache-on-create
}
