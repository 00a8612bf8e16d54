// valid: only a found page is cached: its html, or '' when the page has none. A missing page is
// never cached, so creating one leaves nothing "not found" behind.
import { Keyv } from 'keyv';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const cache = new Keyv({ ttl: 5 * 60 * 1000 });

export async function pageHtml(slug: string): Promise<string | undefined> {
  const cached = await cache.get(`static-page:${slug}`);
  if (cached != null) return String(cached);
  const page = await prisma.page.findUnique({ where: { slug } });
  if (!page) return undefined;
  const html = (page.payload as { html?: string })?.html ?? '';
  await cache.set(`static-page:${slug}`, html);
  return html;
}

export async function createPage(slug: string, html: string) {
  return prisma.page.create({ data: { slug, payload: { html } } });
}
